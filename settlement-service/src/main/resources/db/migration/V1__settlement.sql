-- The settlement service owns its projection of every bet whose stake is in escrow, the
-- settlements it decides, the transfers out of escrow it commands, and the liquidity audits
-- that gate them.

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
    -- Stakes the vault should hold for this bet (0, 1 or 2), as the audit counts them: in when the
    -- escrow-in is confirmed, out when the transfers out of escrow are commanded.
    stakes_held        INT         NOT NULL DEFAULT 0 CHECK (stakes_held BETWEEN 0 AND 2),
    status             TEXT        NOT NULL CHECK (status IN ('escrow_pending', 'open', 'matched', 'rejected',
                                       'withdrawn', 'expired', 'decided', 'released')),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX escrowed_bets_game ON escrowed_bets (game_id, status);
CREATE INDEX escrowed_bets_held ON escrowed_bets (bet_id) INCLUDE (stake_minor, stakes_held) WHERE stakes_held > 0;

-- The final result of a game (or its cancellation), kept so that a bet matched late is still decided.
CREATE TABLE game_results (
    game_id      TEXT        PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('finalized', 'cancelled')),
    home_score   INT,
    away_score   INT,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE game_stat_lines (
    game_id      TEXT    NOT NULL REFERENCES game_results (game_id),
    player_id    TEXT    NOT NULL,
    played       BOOLEAN NOT NULL,
    points       INT     NOT NULL,
    rebounds     INT     NOT NULL,
    assists      INT     NOT NULL,
    steals       INT     NOT NULL,
    blocks       INT     NOT NULL,
    turnovers    INT     NOT NULL,
    threes_made  INT     NOT NULL,
    PRIMARY KEY (game_id, player_id)
);

-- One decision per bet, ever: the primary key is what makes a bet never both paid and refunded.
CREATE TABLE settlements (
    bet_id          TEXT        PRIMARY KEY,
    game_id         TEXT        NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('CREATOR_WINS', 'ACCEPTOR_WINS', 'PUSH', 'VOID', 'CANCELLED',
                                    'WITHDRAWN', 'UNMATCHED_AT_START')),
    winner_id       TEXT,
    loser_id        TEXT,
    stake_minor     BIGINT      NOT NULL,
    pot_minor       BIGINT,
    payout_minor    BIGINT,
    fee_minor       BIGINT,
    currency        CHAR(3)     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('decided', 'settling', 'high_gas_wait', 'paid', 'refunded')),
    audit_id        TEXT,
    gas_quote_minor BIGINT,
    next_attempt_at TIMESTAMPTZ,
    decided_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    commanded_at    TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ
);

CREATE INDEX settlements_game ON settlements (game_id, status);
CREATE INDEX settlements_waiting ON settlements (status) WHERE status IN ('decided', 'high_gas_wait');

-- Every transfer out of escrow, by its deterministic transfer id (the provider's idempotency key).
CREATE TABLE settlement_transfers (
    transfer_id     TEXT        PRIMARY KEY,
    bet_id          TEXT        NOT NULL REFERENCES settlements (bet_id),
    leg             TEXT        NOT NULL CHECK (leg IN ('winner', 'creator', 'acceptor')),
    purpose         TEXT        NOT NULL CHECK (purpose IN ('PAYOUT', 'FEE', 'REFUND', 'GAS_RECOVERY')),
    user_id         TEXT,
    amount_minor    BIGINT      NOT NULL CHECK (amount_minor > 0),
    gas_in_minor    BIGINT,
    gas_quote_minor BIGINT,
    gas_used_minor  BIGINT,
    status          TEXT        NOT NULL CHECK (status IN ('commanded', 'confirmed', 'failed')),
    retryable       BOOLEAN     NOT NULL DEFAULT false,
    reported        BOOLEAN     NOT NULL DEFAULT false,
    commanded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ
);

CREATE INDEX settlement_transfers_bet ON settlement_transfers (bet_id);
CREATE INDEX settlement_transfers_failed ON settlement_transfers (status) WHERE status = 'failed';

CREATE TABLE liquidity_audits (
    audit_id          TEXT        PRIMARY KEY,
    game_id           TEXT,
    expected_minor    BIGINT,
    actual_minor      BIGINT,
    difference_minor  BIGINT,
    gas_quote_minor   BIGINT,
    currency          CHAR(3)     NOT NULL,
    verdict           TEXT        NOT NULL CHECK (verdict IN ('PENDING', 'BALANCED', 'SURPLUS', 'SHORTFALL', 'UNANSWERED')),
    attempt           INT         NOT NULL DEFAULT 1,
    next_attempt_at   TIMESTAMPTZ,
    requested_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at      TIMESTAMPTZ
);

CREATE INDEX liquidity_audits_recent ON liquidity_audits (requested_at DESC);
