-- The settlement service owns its projection of every bet whose stake is in escrow,
-- the settlements it decides, and the liquidity audits that gate payouts.

CREATE TABLE escrowed_bets (
    bet_id             TEXT        PRIMARY KEY,
    game_id            TEXT        NOT NULL,
    creator_id         TEXT        NOT NULL,
    acceptor_id        TEXT,
    selection_type     TEXT        NOT NULL,
    selection_side     TEXT        NOT NULL,
    line_tenths        BIGINT,
    player_id          TEXT,
    stat               TEXT,
    stake_minor        BIGINT      NOT NULL CHECK (stake_minor > 0),
    currency           CHAR(3)     NOT NULL,
    creator_gas_minor  BIGINT,
    acceptor_gas_minor BIGINT,
    -- Stakes the vault should hold for this bet (0, 1 or 2), as the audit counts them.
    stakes_held        INT         NOT NULL DEFAULT 0 CHECK (stakes_held BETWEEN 0 AND 2),
    status             TEXT        NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX escrowed_bets_game ON escrowed_bets (game_id, status);

CREATE TABLE settlements (
    bet_id         TEXT        PRIMARY KEY,
    game_id        TEXT        NOT NULL,
    outcome        TEXT        NOT NULL CHECK (outcome IN ('CREATOR_WINS', 'ACCEPTOR_WINS', 'PUSH', 'VOID', 'CANCELLED',
                                   'WITHDRAWN', 'UNMATCHED_AT_START')),
    winner_id      TEXT,
    pot_minor      BIGINT,
    fee_minor      BIGINT,
    currency       CHAR(3)     NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('decided', 'settling', 'high_gas_wait', 'paid', 'refunded')),
    decided_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ
);

CREATE TABLE liquidity_audits (
    audit_id          TEXT        PRIMARY KEY,
    game_id           TEXT,
    expected_minor    BIGINT      NOT NULL,
    actual_minor      BIGINT,
    difference_minor  BIGINT,
    currency          CHAR(3)     NOT NULL,
    verdict           TEXT        NOT NULL CHECK (verdict IN ('PENDING', 'BALANCED', 'SURPLUS', 'SHORTFALL')),
    requested_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at      TIMESTAMPTZ
);
