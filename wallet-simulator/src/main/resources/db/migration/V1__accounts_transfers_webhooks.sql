-- Accounts: balance_minor is the settled balance; reserved_minor is held for pending transfers.
CREATE TABLE accounts (
    id             TEXT PRIMARY KEY,
    currency       CHAR(3)     NOT NULL,
    balance_minor  BIGINT      NOT NULL,
    reserved_minor BIGINT      NOT NULL DEFAULT 0,
    system_account BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT accounts_reserved_within_balance CHECK (reserved_minor >= 0 AND reserved_minor <= balance_minor)
);

-- Transfers: one per (API client, idempotency key); the fingerprint binds the key to the request.
CREATE TABLE transfers (
    id                  UUID PRIMARY KEY,
    client_id           TEXT        NOT NULL,
    idempotency_key     TEXT        NOT NULL,
    request_fingerprint CHAR(64)    NOT NULL,
    from_account        TEXT        NOT NULL REFERENCES accounts (id),
    to_account          TEXT        NOT NULL REFERENCES accounts (id),
    amount_minor        BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency            CHAR(3)     NOT NULL,
    reference           TEXT        NOT NULL DEFAULT '',
    gas_limit_minor     BIGINT      NOT NULL CHECK (gas_limit_minor >= 0),
    gas_used_minor      BIGINT CHECK (gas_used_minor >= 0 AND gas_used_minor <= gas_limit_minor),
    status              TEXT        NOT NULL CHECK (status IN ('pending', 'confirmed', 'failed')),
    failure_reason      TEXT,
    sequence            INTEGER     NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    confirm_after       TIMESTAMPTZ NOT NULL,
    settled_at          TIMESTAMPTZ,
    CONSTRAINT transfers_one_per_idempotency_key UNIQUE (client_id, idempotency_key),
    CONSTRAINT transfers_two_accounts CHECK (from_account <> to_account),
    CONSTRAINT transfers_settled_consistently CHECK (
        (status = 'pending' AND settled_at IS NULL AND gas_used_minor IS NULL)
        OR (status = 'confirmed' AND settled_at IS NOT NULL AND gas_used_minor IS NOT NULL)
        OR (status = 'failed' AND settled_at IS NOT NULL AND failure_reason IS NOT NULL))
);

CREATE INDEX transfers_due ON transfers (confirm_after, id) WHERE status = 'pending';

-- Webhook outbox: one event per settlement, one or more deliveries per event (duplicates are a fault).
CREATE TABLE webhook_events (
    id          UUID PRIMARY KEY,
    transfer_id UUID        NOT NULL REFERENCES transfers (id),
    type        TEXT        NOT NULL CHECK (type IN ('transfer.confirmed', 'transfer.failed')),
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX webhook_events_by_transfer ON webhook_events (transfer_id);

CREATE TABLE webhook_deliveries (
    id              BIGSERIAL PRIMARY KEY,
    event_id        UUID        NOT NULL REFERENCES webhook_events (id),
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'delivered', 'dropped', 'abandoned')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
