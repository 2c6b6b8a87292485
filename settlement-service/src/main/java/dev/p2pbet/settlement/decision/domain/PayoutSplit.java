package dev.p2pbet.settlement.decision.domain;

import dev.p2pbet.plumbing.money.Money;

/**
 * DESIGN §3 payout: the pot is both stakes; revenue takes {@code fee = floor(2*stake*fee_bps/10000)},
 * the winner the rest. {@code toWinner + fee == pot}, always.
 */
public record PayoutSplit(Money pot, Money toWinner, Money fee) {

    public static PayoutSplit of(Money stake, long feeBps) {
        if (!stake.isPositive()) {
            throw new IllegalArgumentException("a stake is positive: " + stake);
        }
        if (feeBps < 0 || feeBps > 10_000) {
            throw new IllegalArgumentException("fee_bps is between 0 and 10000: " + feeBps);
        }
        Money pot = stake.times(2);
        Money fee = pot.basisPoints(feeBps);
        return new PayoutSplit(pot, pot.minus(fee), fee);
    }
}
