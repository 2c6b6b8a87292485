package dev.p2pbet.settlement.decision.domain;

import dev.p2pbet.plumbing.money.Money;

/**
 * DESIGN §3 invariant: the vault holds exactly the stakes the books say it holds. A shortfall blocks
 * every payout; a surplus covers every owed cent, so payouts go on, but it is a discrepancy.
 */
public record LiquidityCheck(Money expected, Money actual, Money difference, Verdict verdict) {

    public enum Verdict { BALANCED, SURPLUS, SHORTFALL }

    public static LiquidityCheck of(Money expected, Money actual) {
        Money difference = actual.minus(expected);
        Verdict verdict = difference.isZero() ? Verdict.BALANCED
                : difference.isPositive() ? Verdict.SURPLUS : Verdict.SHORTFALL;
        return new LiquidityCheck(expected, actual, difference, verdict);
    }

    public boolean releasesPayouts() {
        return verdict != Verdict.SHORTFALL;
    }
}
