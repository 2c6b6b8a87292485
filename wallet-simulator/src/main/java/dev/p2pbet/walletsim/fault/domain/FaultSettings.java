package dev.p2pbet.walletsim.fault.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults of a run. Rates are probabilities in {@code [0, 1]}; every draw comes from a random seeded with
 * {@code seed}, one stream per kind of fault, so the same run with the same seed misbehaves the same way.
 *
 * @param seed seeds every fault stream
 * @param postTransferErrorRate share of {@code POST /transfers} answered with a 503
 * @param errorAfterCommitShare of those, the share where the transfer was created before the 503 (a timeout after
 *     commit); the rest fail before anything is stored
 * @param slowResponseRate share of provider API calls delayed by {@code slowResponseDelay}
 * @param slowResponseDelay the added delay
 * @param transferFailureRate share of transfers the network rejects instead of confirming ({@code transfer.failed})
 * @param webhookDropRate share of webhook events never delivered
 * @param webhookDuplicateRate share of webhook events delivered twice
 * @param webhookMaxExtraDelay each delivery waits a random 0..this first, so deliveries overtake each other
 */
public record FaultSettings(
        long seed,
        double postTransferErrorRate,
        double errorAfterCommitShare,
        double slowResponseRate,
        Duration slowResponseDelay,
        double transferFailureRate,
        double webhookDropRate,
        double webhookDuplicateRate,
        Duration webhookMaxExtraDelay) {

    public static final long DEFAULT_SEED = 42L;

    public FaultSettings {
        requireRate("post_transfer_error_rate", postTransferErrorRate);
        requireRate("error_after_commit_share", errorAfterCommitShare);
        requireRate("slow_response_rate", slowResponseRate);
        requireRate("transfer_failure_rate", transferFailureRate);
        requireRate("webhook_drop_rate", webhookDropRate);
        requireRate("webhook_duplicate_rate", webhookDuplicateRate);
        requireNotNegative("slow_response_delay", slowResponseDelay);
        requireNotNegative("webhook_max_extra_delay", webhookMaxExtraDelay);
    }

    public static FaultSettings none() {
        return new FaultSettings(DEFAULT_SEED, 0, 0.5, 0, Duration.ZERO, 0, 0, 0, Duration.ZERO);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + rate);
        }
    }

    private static void requireNotNegative(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
