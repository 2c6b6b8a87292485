package dev.p2pbet.stats.userstats.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The settlements a leaderboard counts: all of them, or those of the last 7 or 30 days (rolling). */
public enum LeaderboardPeriod {
    ALL(null), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

    private final Duration length;

    LeaderboardPeriod(Duration length) {
        this.length = length;
    }

    /** The earliest settlement time counted, or empty for all time. */
    public Optional<Instant> since(Instant now) {
        return Optional.ofNullable(length).map(now::minus);
    }
}
