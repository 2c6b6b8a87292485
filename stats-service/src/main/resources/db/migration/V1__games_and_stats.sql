-- The stats service is the source of truth for games, their results and users' betting stats.

CREATE TABLE games (
    game_id          TEXT        PRIMARY KEY,
    status           TEXT        NOT NULL CHECK (status IN ('scheduled', 'live', 'final', 'cancelled')),
    home_team        TEXT        NOT NULL,
    away_team        TEXT        NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ,
    home_score       INT CHECK (home_score >= 0),
    away_score       INT CHECK (away_score >= 0),
    finalized_at     TIMESTAMPTZ,
    -- 'posted' (admin/feed API) or 'simulated' (the game simulator, with the seed it used)
    result_source    TEXT CHECK (result_source IN ('posted', 'simulated')),
    simulation_seed  BIGINT,
    cancel_reason    TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status = 'final') = (home_score IS NOT NULL AND away_score IS NOT NULL))
);

CREATE INDEX games_status_start ON games (status, starts_at);
CREATE INDEX games_start ON games (starts_at, game_id);

CREATE TABLE game_players (
    game_id    TEXT NOT NULL REFERENCES games (game_id),
    player_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    team       TEXT NOT NULL CHECK (team IN ('HOME', 'AWAY')),
    PRIMARY KEY (game_id, player_id)
);

CREATE TABLE game_player_stats (
    game_id      TEXT    NOT NULL,
    player_id    TEXT    NOT NULL,
    played       BOOLEAN NOT NULL,
    points       INT     NOT NULL CHECK (points >= 0),
    rebounds     INT     NOT NULL CHECK (rebounds >= 0),
    assists      INT     NOT NULL CHECK (assists >= 0),
    steals       INT     NOT NULL CHECK (steals >= 0),
    blocks       INT     NOT NULL CHECK (blocks >= 0),
    turnovers    INT     NOT NULL CHECK (turnovers >= 0),
    threes_made  INT     NOT NULL CHECK (threes_made >= 0 AND threes_made * 3 <= points),
    PRIMARY KEY (game_id, player_id),
    FOREIGN KEY (game_id, player_id) REFERENCES game_players (game_id, player_id)
);

-- All-time totals per user, updated in the same transaction as the user_bet_results row that
-- caused the change. current_streak: +n after n wins in a row, -n after n losses; refunds leave it.
CREATE TABLE user_bet_stats (
    user_id          TEXT    PRIMARY KEY,
    bets_settled     INT     NOT NULL DEFAULT 0,
    wins             INT     NOT NULL DEFAULT 0,
    losses           INT     NOT NULL DEFAULT 0,
    refunds          INT     NOT NULL DEFAULT 0,
    total_staked     BIGINT  NOT NULL DEFAULT 0,
    net_profit       BIGINT  NOT NULL DEFAULT 0,
    current_streak   INT     NOT NULL DEFAULT 0,
    currency         CHAR(3) NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX user_bet_stats_profit ON user_bet_stats (net_profit DESC, user_id);
CREATE INDEX user_bet_stats_wins ON user_bet_stats (wins DESC, user_id);

-- One row per user and closed stake (a BetSettled gives two: winner and loser; a StakeRefunded
-- one). The key makes a second event about the same stake a no-op; settled_at lets the
-- leaderboard add up a time window.
CREATE TABLE user_bet_results (
    bet_id       TEXT        NOT NULL,
    user_id      TEXT        NOT NULL,
    game_id      TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('won', 'lost', 'refunded')),
    stake        BIGINT      NOT NULL CHECK (stake >= 0),
    net_profit   BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    settled_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (bet_id, user_id)
);

CREATE INDEX user_bet_results_window ON user_bet_results (settled_at, user_id);
