-- An operator may re-send a transfer out of escrow that the provider refused for good, under a new transfer id
-- (<transfer id>:retry-<n>): the refused row becomes 'superseded' (no longer money in the vault, no longer awaited)
-- and the new row points at the first transfer of the chain.
ALTER TABLE settlement_transfers DROP CONSTRAINT settlement_transfers_status_check;
ALTER TABLE settlement_transfers ADD CONSTRAINT settlement_transfers_status_check
    CHECK (status IN ('commanded', 'confirmed', 'failed', 'superseded'));
ALTER TABLE settlement_transfers ADD COLUMN retry_of TEXT;
CREATE INDEX settlement_transfers_retry_of ON settlement_transfers (retry_of) WHERE retry_of IS NOT NULL;
