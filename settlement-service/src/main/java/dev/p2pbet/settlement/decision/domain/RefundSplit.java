package dev.p2pbet.settlement.decision.domain;

import dev.p2pbet.plumbing.money.Money;

/**
 * DESIGN §3 refund of one stake: the user gets {@code max(0, stake - gas_in - gas_out)}, PLATFORM_OPS
 * recovers the rest (the gas it sponsored). {@code toUser + toOps == stake}, always.
 */
public record RefundSplit(Money stake, Money gasIn, Money gasOut, Money toUser, Money toOps) {

    public static RefundSplit of(Money stake, Money gasIn, Money gasOut) {
        if (!stake.isPositive() || gasIn.isNegative() || gasOut.isNegative()) {
            throw new IllegalArgumentException("stake " + stake + ", gas in " + gasIn + ", gas out " + gasOut);
        }
        Money toUser = stake.minus(gasIn).minus(gasOut).atLeastZero();
        return new RefundSplit(stake, gasIn, gasOut, toUser, stake.minus(toUser));
    }

    /** What the user loses to gas: never more than the stake. */
    public Money gasDeducted() {
        return toOps;
    }
}
