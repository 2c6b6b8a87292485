package dev.p2pbet.walletsim.fault.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the faults of a run from {@link FaultSettings}. Each kind of fault has its own random stream derived from
 * the seed, so switching one fault on does not change which requests another one hits. Not thread-safe: the
 * caller serialises draws.
 */
public final class FaultDice {

    /** What happens to one {@code POST /transfers}. */
    public enum PostOutcome { NORMAL, FAIL_BEFORE_COMMIT, FAIL_AFTER_COMMIT }

    /** How one webhook event is delivered: not at all, or once or twice, each copy after its extra delay. */
    public record WebhookPlan(boolean dropped, List<Duration> copies) {

        public boolean duplicated() {
            return copies.size() > 1;
        }
    }

    private enum Stream { POST_ERROR, SLOW_RESPONSE, TRANSFER_FAILURE, WEBHOOK_DROP, WEBHOOK_DUPLICATE, WEBHOOK_DELAY, GAS }

    private final FaultSettings settings;
    private final SplittableRandom[] streams = new SplittableRandom[Stream.values().length];

    public FaultDice(FaultSettings settings) {
        this.settings = settings;
        SplittableRandom root = new SplittableRandom(settings.seed());
        for (Stream stream : Stream.values()) {
            streams[stream.ordinal()] = root.split();
        }
    }

    public FaultSettings settings() {
        return settings;
    }

    public PostOutcome postTransfer() {
        if (!hits(Stream.POST_ERROR, settings.postTransferErrorRate())) {
            return PostOutcome.NORMAL;
        }
        return hits(Stream.POST_ERROR, settings.errorAfterCommitShare())
                ? PostOutcome.FAIL_AFTER_COMMIT : PostOutcome.FAIL_BEFORE_COMMIT;
    }

    public Duration responseDelay() {
        return hits(Stream.SLOW_RESPONSE, settings.slowResponseRate()) ? settings.slowResponseDelay() : Duration.ZERO;
    }

    public boolean failTransfer() {
        return hits(Stream.TRANSFER_FAILURE, settings.transferFailureRate());
    }

    public WebhookPlan webhook() {
        if (hits(Stream.WEBHOOK_DROP, settings.webhookDropRate())) {
            return new WebhookPlan(true, List.of());
        }
        int copies = hits(Stream.WEBHOOK_DUPLICATE, settings.webhookDuplicateRate()) ? 2 : 1;
        List<Duration> delays = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            delays.add(extraDelay());
        }
        return new WebhookPlan(false, List.copyOf(delays));
    }

    /** The random the gas jitter is drawn from, seeded like the faults so a run's gas repeats too. */
    public SplittableRandom gasRandom() {
        return streams[Stream.GAS.ordinal()];
    }

    private Duration extraDelay() {
        long maxMillis = settings.webhookMaxExtraDelay().toMillis();
        return maxMillis == 0 ? Duration.ZERO : Duration.ofMillis(stream(Stream.WEBHOOK_DELAY).nextLong(maxMillis + 1));
    }

    private boolean hits(Stream stream, double rate) {
        if (rate <= 0.0) {
            return false;
        }
        if (rate >= 1.0) {
            return true;
        }
        return stream(stream).nextDouble() < rate;
    }

    private SplittableRandom stream(Stream stream) {
        return streams[stream.ordinal()];
    }
}
