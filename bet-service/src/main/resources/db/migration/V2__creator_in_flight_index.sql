-- The open-offers rule counts a creator's offers in flight (escrow_pending, open) on every offer. No index served
-- that count, so it read the creator's whole history or everybody's offers in flight and filtered: an offer cost more
-- the longer its creator had been betting and the busier the platform was. This index holds the offers in flight
-- only: the count reads those.
CREATE INDEX bets_creator_in_flight ON bets (creator_id) WHERE status IN ('escrow_pending', 'open');
