-- The wallet gateway owns the users' wallet links and the ledger of provider transfers.

CREATE TABLE wallets (
    user_id                  TEXT        PRIMARY KEY,
    external_wallet_address  TEXT,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per provider transfer; transfer_id is deterministic and is the provider's
-- Idempotency-Key, so a command delivered twice never moves money twice.
CREATE TABLE wallet_transactions (
    transfer_id          TEXT        PRIMARY KEY,
    type                 TEXT        NOT NULL CHECK (type IN ('escrow_in', 'payout', 'fee', 'refund', 'gas_recovery')),
    bet_id               TEXT,
    from_account         TEXT        NOT NULL,
    to_account           TEXT        NOT NULL,
    amount_minor         BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency             CHAR(3)     NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('requested', 'submitted', 'confirmed', 'failed')),
    provider_transfer_id TEXT,
    gas_used_minor       BIGINT,
    failure_reason       TEXT,
    attempts             INT         NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX wallet_transactions_pending ON wallet_transactions (status, updated_at)
    WHERE status IN ('requested', 'submitted');
CREATE INDEX wallet_transactions_bet ON wallet_transactions (bet_id);
