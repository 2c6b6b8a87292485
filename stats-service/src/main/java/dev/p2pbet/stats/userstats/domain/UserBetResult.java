package dev.p2pbet.stats.userstats.domain;

import dev.p2pbet.plumbing.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One user's closed stake and what it earned them, net of fee and gas:
 * winner {@code payout - stake} (the payout is the pot minus the platform fee), loser
 * {@code -stake}, refund {@code refunded - stake} (minus the gas of the transfers in and out).
 */
public record UserBetResult(String betId, String userId, String gameId, BetOutcome outcome, Money stake,
                            Money netProfit, Instant settledAt) {

    public UserBetResult {
        Objects.requireNonNull(betId, "betId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(settledAt, "settledAt");
        if (stake.isNegative()) {
            throw new IllegalArgumentException("a stake cannot be negative: " + stake);
        }
        if (!stake.currency().equals(netProfit.currency())) {
            throw new IllegalArgumentException("stake and profit in different currencies: " + stake + ", " + netProfit);
        }
    }

    public static UserBetResult won(String betId, String gameId, String userId, Money stake, Money payout, Instant at) {
        return new UserBetResult(betId, userId, gameId, BetOutcome.WON, stake, payout.minus(stake), at);
    }

    public static UserBetResult lost(String betId, String gameId, String userId, Money stake, Instant at) {
        return new UserBetResult(betId, userId, gameId, BetOutcome.LOST, stake, Money.zero(stake.currency()).minus(stake), at);
    }

    public static UserBetResult refunded(String betId, String gameId, String userId, Money stake, Money refunded,
                                         Instant at) {
        return new UserBetResult(betId, userId, gameId, BetOutcome.REFUNDED, stake, refunded.minus(stake), at);
    }
}
