-- The open-offers rule counts a creator's offers in flight (escrow_pending, open) on every offer. Through
-- bets_creator that count read every bet the creator ever made and filtered by status, so an offer cost more the
-- longer its creator had been betting. This index holds the offers in flight only: the count reads those.
CREATE INDEX bets_creator_in_flight ON bets (creator_id) WHERE status IN ('escrow_pending', 'open');
