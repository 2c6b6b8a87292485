-- The trace of the command that requested the transfer, as the outbox stores trace headers: its outcome, published
-- later from a webhook or the reconciler (other traces), continues it, so one trace runs from a bet to its payout.
ALTER TABLE wallet_transactions ADD COLUMN trace_headers TEXT;
