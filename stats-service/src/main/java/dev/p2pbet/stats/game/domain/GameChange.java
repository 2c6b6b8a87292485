package dev.p2pbet.stats.game.domain;

import java.time.Instant;

/** What happened to a game: each change is published (game.events) with the state it produced. */
public sealed interface GameChange {

    Game game();

    Instant at();

    record Scheduled(Game game, Instant at) implements GameChange {
    }

    record Started(Game game, Instant at) implements GameChange {
    }

    record Finalized(Game game, Instant at) implements GameChange {
    }

    record Cancelled(Game game, Instant at) implements GameChange {
    }
}
