-- The bet service owns the bets and a projection of the games (is a game still open for betting?).

CREATE TABLE games (
    game_id     TEXT        PRIMARY KEY,
    status      TEXT        NOT NULL CHECK (status IN ('scheduled', 'live', 'final', 'cancelled')),
    home_team   TEXT        NOT NULL,
    away_team   TEXT        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE game_players (
    game_id    TEXT NOT NULL REFERENCES games (game_id),
    player_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    team       TEXT NOT NULL CHECK (team IN ('HOME', 'AWAY')),
    PRIMARY KEY (game_id, player_id)
);

CREATE TABLE bets (
    bet_id              UUID        PRIMARY KEY,
    game_id             TEXT        NOT NULL,
    creator_id          TEXT        NOT NULL,
    acceptor_id         TEXT,
    pending_acceptor_id TEXT,
    selection_type      TEXT        NOT NULL CHECK (selection_type IN ('GAME_WINNER', 'TOTAL_POINTS', 'PLAYER_STAT')),
    selection_side      TEXT        NOT NULL CHECK (selection_side IN ('HOME', 'AWAY', 'OVER', 'UNDER')),
    line_tenths         BIGINT,
    player_id           TEXT,
    stat                TEXT,
    stake_minor         BIGINT      NOT NULL CHECK (stake_minor > 0),
    currency            CHAR(3)     NOT NULL,
    -- withdrawn / expired: the offer ended (creator withdrew it, its game started) and settlement is
    -- refunding the stake; the confirmed refund makes it refunded.
    status              TEXT        NOT NULL CHECK (status IN ('escrow_pending', 'open', 'rejected', 'matching',
                                        'matched', 'withdrawn', 'expired', 'settling', 'high_gas_wait', 'won',
                                        'lost', 'refunded')),
    status_reason       TEXT,
    status_detail       TEXT,
    -- acceptances so far: attempt n's escrow-in is the transfer <bet_id>:escrow-acceptor:<n>
    accept_attempts     INT         NOT NULL DEFAULT 0 CHECK (accept_attempts >= 0),
    winner_id           TEXT,
    creator_refund_minor  BIGINT,
    acceptor_refund_minor BIGINT,
    idempotency_key     TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A double click with the same Idempotency-Key creates one bet.
CREATE UNIQUE INDEX bets_creator_idempotency_key ON bets (creator_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX bets_lobby ON bets (status, game_id, created_at, bet_id);
CREATE INDEX bets_creator ON bets (creator_id, created_at);
CREATE INDEX bets_acceptor ON bets (acceptor_id, created_at);
CREATE INDEX bets_pending_acceptor ON bets (pending_acceptor_id) WHERE pending_acceptor_id IS NOT NULL;
