package dev.p2pbet.walletsim.webhook.domain;

import java.time.Duration;

/** Exponential backoff between webhook attempts, capped, for a bounded number of attempts. */
public record RetryBackoff(Duration initial, Duration max, int maxAttempts) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max and at least one attempt");
        }
    }

    /** The wait after the given failed attempt (1-based). */
    public Duration delayAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean givesUpAfter(int attempt) {
        return attempt >= maxAttempts;
    }
}
