-- The wallet gateway owns the users' wallet links and the ledger of provider transfers.

-- A user's link to their external wallet (an account at the provider). An address belongs to one user.
CREATE TABLE wallets (
    user_id                  TEXT        PRIMARY KEY,
    external_wallet_address  TEXT        UNIQUE,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per provider transfer; transfer_id is deterministic and is the provider's
-- Idempotency-Key, so a command delivered twice never moves money twice.
-- status: requested (stored, the provider may or may not have it: provider_attempts > 0 means a
-- call may have reached it) -> submitted (the provider accepted it) -> confirmed | failed.
-- Every change is a guarded update on the expected status; the one that wins appends the
-- TransferConfirmed / TransferFailed event to the outbox in the same transaction.
CREATE TABLE wallet_transactions (
    transfer_id          TEXT        PRIMARY KEY,
    type                 TEXT        NOT NULL CHECK (type IN ('escrow_in', 'payout', 'fee', 'refund', 'gas_recovery')),
    bet_id               TEXT        NOT NULL,
    user_id              TEXT,
    from_account         TEXT        NOT NULL,
    to_account           TEXT        NOT NULL,
    amount_minor         BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency             CHAR(3)     NOT NULL,
    gas_quote_minor      BIGINT,
    status               TEXT        NOT NULL CHECK (status IN ('requested', 'submitted', 'confirmed', 'failed')),
    provider_transfer_id TEXT,
    gas_used_minor       BIGINT      CHECK (gas_used_minor >= 0),
    failure_reason       TEXT,
    failure_message      TEXT,
    failure_retryable    BOOLEAN,
    attempts             INT         NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    settled_at           TIMESTAMPTZ,
    CONSTRAINT wallet_transactions_settled_consistently CHECK (
        (status IN ('requested', 'submitted') AND gas_used_minor IS NULL AND failure_reason IS NULL)
        OR (status = 'confirmed' AND gas_used_minor IS NOT NULL AND provider_transfer_id IS NOT NULL)
        OR (status = 'failed' AND failure_reason IS NOT NULL AND failure_retryable IS NOT NULL))
);

CREATE INDEX wallet_transactions_pending ON wallet_transactions (status, updated_at)
    WHERE status IN ('requested', 'submitted');
CREATE INDEX wallet_transactions_bet ON wallet_transactions (bet_id);
CREATE INDEX wallet_transactions_vault ON wallet_transactions (from_account, to_account, status);
