package dev.p2pbet.stats.game.persistence;

import dev.p2pbet.stats.game.domain.GameStatus;
import java.time.Instant;
import java.util.Optional;

/** A page of the game list, optionally filtered by status and a start-time window [from, before). */
public record GameQuery(Optional<GameStatus> status, Optional<Instant> startsFrom, Optional<Instant> startsBefore,
                        int page, int size) {

    public long offset() {
        return (long) page * size;
    }
}
