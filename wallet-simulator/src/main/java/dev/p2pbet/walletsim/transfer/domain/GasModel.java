package dev.p2pbet.walletsim.transfer.domain;

import java.util.random.RandomGenerator;

/**
 * Gas of a transfer: {@code base + floor(amount * bps / 10000)} as the estimate (the quote); the gas actually used
 * is the estimate moved by up to {@code jitterPercent} of it either way, and never above the limit
 * ({@code estimate + floor(estimate * jitterPercent / 100)}), which is what a transfer holds on the sponsor at
 * submission. Integer arithmetic only.
 */
public record GasModel(long baseMinor, int proportionalBps, int jitterPercent) {

    public static final long MAX_BASE_MINOR = 1_000_000_000_000L;

    public GasModel {
        if (baseMinor < 0 || baseMinor > MAX_BASE_MINOR) {
            throw new IllegalArgumentException("Gas base must be within 0.." + MAX_BASE_MINOR + ", was " + baseMinor);
        }
        if (proportionalBps < 0 || proportionalBps > 10_000) {
            throw new IllegalArgumentException("Gas proportional part must be within 0..10000 bps, was " + proportionalBps);
        }
        if (jitterPercent < 0 || jitterPercent > 100) {
            throw new IllegalArgumentException("Gas jitter must be within 0..100 %, was " + jitterPercent);
        }
    }

    public long estimate(long amountMinor) {
        TransferRequest.requireValidAmount(amountMinor);
        long proportional = amountMinor / 10_000 * proportionalBps + amountMinor % 10_000 * proportionalBps / 10_000;
        return baseMinor + proportional;
    }

    public long limit(long amountMinor) {
        long estimate = estimate(amountMinor);
        return estimate + maxJitter(estimate);
    }

    /** The gas a transfer really uses, drawn when the network confirms it. */
    public long used(long amountMinor, RandomGenerator random) {
        long estimate = estimate(amountMinor);
        long maxJitter = maxJitter(estimate);
        long jitter = maxJitter == 0 ? 0 : random.nextLong(-maxJitter, maxJitter + 1);
        return estimate + jitter;
    }

    private long maxJitter(long estimate) {
        return estimate * jitterPercent / 100;
    }
}
