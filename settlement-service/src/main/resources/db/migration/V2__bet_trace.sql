-- The trace of the request that created the bet (POST /api/bets), as the outbox stores trace headers: the
-- payout, fee and refund commands of the bet continue it, so one trace runs from the bet to its payout.
ALTER TABLE escrowed_bets ADD COLUMN trace_headers TEXT;
