package dev.p2pbet.stats.userstats.domain;

import dev.p2pbet.plumbing.money.Money;
import java.util.OptionalLong;

/**
 * A user's all-time betting record. Every closed stake counts in {@code betsSettled} and
 * {@code totalStaked}, refunds included (their stake was at risk of gas). The streak is
 * {@code +n} after n wins in a row and {@code -n} after n losses in a row; a refund neither
 * extends nor breaks it. Streaks follow the order in which stats-service applies settlements.
 */
public record UserBetStats(String userId, int betsSettled, int wins, int losses, int refunds, Money totalStaked,
                           Money netProfit, int currentStreak) {

    public static UserBetStats none(String userId, String currency) {
        return new UserBetStats(userId, 0, 0, 0, 0, Money.zero(currency), Money.zero(currency), 0);
    }

    public UserBetStats with(UserBetResult result) {
        if (!result.userId().equals(userId)) {
            throw new IllegalArgumentException("result of " + result.userId() + " applied to " + userId);
        }
        return new UserBetStats(userId, betsSettled + 1,
                wins + (result.outcome() == BetOutcome.WON ? 1 : 0),
                losses + (result.outcome() == BetOutcome.LOST ? 1 : 0),
                refunds + (result.outcome() == BetOutcome.REFUNDED ? 1 : 0),
                totalStaked.plus(result.stake()), netProfit.plus(result.netProfit()),
                streakAfter(result.outcome()));
    }

    private int streakAfter(BetOutcome outcome) {
        return switch (outcome) {
            case WON -> currentStreak > 0 ? currentStreak + 1 : 1;
            case LOST -> currentStreak < 0 ? currentStreak - 1 : -1;
            case REFUNDED -> currentStreak;
        };
    }

    /** Net profit over total staked in basis points; empty while nothing was staked. */
    public OptionalLong roiBasisPoints() {
        return Roi.basisPoints(netProfit, totalStaked);
    }
}
