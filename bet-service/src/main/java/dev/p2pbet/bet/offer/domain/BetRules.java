package dev.p2pbet.bet.offer.domain;

import dev.p2pbet.bet.game.domain.Game;
import dev.p2pbet.plumbing.money.Money;
import java.util.Objects;

/**
 * The rules an offer must meet before any money moves: a stake in the deployment's currency
 * between the configured minimum and maximum (the minimum keeps offers above the dust the gas
 * would eat), a limit on a user's offers in flight, and a selection valid for the game: a
 * rostered player, and a positive line on whole or half points no higher than is sensible.
 */
public record BetRules(Money minStake, Money maxStake, int maxOpenOffersPerUser, long maxTotalPointsLineTenths,
                       long maxPlayerStatLineTenths) {

    public BetRules {
        Objects.requireNonNull(minStake, "minStake");
        Objects.requireNonNull(maxStake, "maxStake");
        if (!minStake.currency().equals(maxStake.currency()) || minStake.isGreaterThan(maxStake)
                || !minStake.isPositive()) {
            throw new IllegalArgumentException("stake limits need 0 < min <= max in one currency");
        }
        if (maxOpenOffersPerUser < 1) {
            throw new IllegalArgumentException("a user needs to be allowed at least one open offer");
        }
    }

    public String currency() {
        return minStake.currency();
    }

    /** Checks an offer; {@code offersInFlight} counts the creator's offers pending escrow or open. */
    public void checkOffer(Game game, Selection selection, Money stake, long offersInFlight) {
        checkStake(stake);
        checkSelection(game, selection);
        if (offersInFlight >= maxOpenOffersPerUser) {
            throw new BetRuleViolation("TOO_MANY_OPEN_OFFERS",
                    "You already have " + offersInFlight + " offers open or pending (limit " + maxOpenOffersPerUser + ").");
        }
    }

    public void checkStake(Money stake) {
        if (!stake.currency().equals(currency())) {
            throw new BetRuleViolation("WRONG_CURRENCY", "Stakes are in " + currency() + ".");
        }
        if (stake.isLessThan(minStake)) {
            throw new BetRuleViolation("STAKE_TOO_LOW", "The smallest stake is " + minStake + ".");
        }
        if (stake.isGreaterThan(maxStake)) {
            throw new BetRuleViolation("STAKE_TOO_HIGH", "The largest stake is " + maxStake + ".");
        }
    }

    public void checkSelection(Game game, Selection selection) {
        switch (selection.type()) {
            case GAME_WINNER -> {
            }
            case TOTAL_POINTS -> checkLine(selection.lineTenths(), maxTotalPointsLineTenths);
            case PLAYER_STAT -> {
                if (!game.hasPlayer(selection.playerId())) {
                    throw new BetRuleViolation("UNKNOWN_PLAYER",
                            "Player " + selection.playerId() + " is not on the roster of game " + game.gameId() + ".");
                }
                checkLine(selection.lineTenths(), maxPlayerStatLineTenths);
            }
        }
    }

    private static void checkLine(long lineTenths, long max) {
        if (lineTenths <= 0 || lineTenths > max || lineTenths % 5 != 0) {
            throw new BetRuleViolation("INVALID_LINE", "A line is a positive number of whole or half points up to "
                    + (max / 10) + "." + (max % 10) + " (in tenths: 5 to " + max + ", a multiple of 5).");
        }
    }
}
