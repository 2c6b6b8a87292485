package dev.p2pbet.stats.userstats.domain;

import dev.p2pbet.plumbing.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/**
 * Return on investment, {@code net profit / total staked}, in integer basis points (1 bp =
 * 0.01 %) rounded half away from zero: exact integer arithmetic, no floating point near money.
 */
public final class Roi {

    private Roi() {
    }

    public static OptionalLong basisPoints(Money netProfit, Money staked) {
        if (!staked.isPositive()) {
            return OptionalLong.empty();
        }
        if (!netProfit.currency().equals(staked.currency())) {
            throw new IllegalArgumentException("profit and stakes in different currencies: " + netProfit + ", " + staked);
        }
        return OptionalLong.of(BigDecimal.valueOf(netProfit.amountMinor())
                .multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(staked.amountMinor()), 0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    /** Basis points as a percentage with two decimals, e.g. {@code -250} is {@code "-2.50"}. */
    public static String percent(long basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).toPlainString();
    }
}
