package dev.p2pbet.settlement.decision.domain;

import dev.p2pbet.plumbing.money.Money;

/**
 * DESIGN §3 economic viability: a transfer out of escrow whose gas quote is at or above
 * {@code maxGasShareBps / 10000} of its amount is not sent; it waits in high_gas_wait. With the
 * default share (10000) that is "a quote at or above the amount".
 */
public record GasPolicy(long maxGasShareBps) {

    public GasPolicy {
        if (maxGasShareBps <= 0 || maxGasShareBps > 10_000) {
            throw new IllegalArgumentException("max gas share is in (0, 10000] bps: " + maxGasShareBps);
        }
    }

    /** True when {@code amount} is worth sending at {@code gasQuote}. */
    public boolean worthSending(Money amount, Money gasQuote) {
        return gasQuote.times(10_000).isLessThan(amount.times(maxGasShareBps));
    }

    /**
     * Whether a refund of {@code stake} with {@code gasIn} already spent should wait: the user's part
     * before the refund's own gas is {@code stake - gasIn}; if nothing is left for the user anyway
     * (gas in ate the stake) waiting cannot help, so it goes out (all to PLATFORM_OPS).
     */
    public boolean refundWaits(Money stake, Money gasIn, Money gasQuote) {
        Money beforeGasOut = stake.minus(gasIn);
        return beforeGasOut.isPositive() && !worthSending(beforeGasOut, gasQuote);
    }
}
