package dev.p2pbet.bet.offer.domain;

import java.util.Objects;

/**
 * What the creator bets on. Valid shapes: GAME_WINNER + HOME|AWAY and nothing else;
 * TOTAL_POINTS + OVER|UNDER + a line; PLAYER_STAT + OVER|UNDER + a line + a player + a stat.
 * The line is in tenths of a point, so comparing a result to it is exact.
 */
public record Selection(SelectionType type, SelectionSide side, Long lineTenths, String playerId, PlayerStat stat) {

    public Selection {
        if (type == null || side == null) {
            throw new BetRuleViolation("INVALID_SELECTION", "A selection needs a type and a side.");
        }
        switch (type) {
            case GAME_WINNER -> {
                if (side != SelectionSide.HOME && side != SelectionSide.AWAY) {
                    throw new BetRuleViolation("INVALID_SELECTION", "A GAME_WINNER selection is HOME or AWAY.");
                }
                if (lineTenths != null || playerId != null || stat != null) {
                    throw new BetRuleViolation("INVALID_SELECTION",
                            "A GAME_WINNER selection has no line, player or stat.");
                }
            }
            case TOTAL_POINTS -> {
                requireOverUnder(type, side);
                if (lineTenths == null) {
                    throw new BetRuleViolation("INVALID_LINE", "A TOTAL_POINTS selection needs a line.");
                }
                if (playerId != null || stat != null) {
                    throw new BetRuleViolation("INVALID_SELECTION", "A TOTAL_POINTS selection has no player or stat.");
                }
            }
            case PLAYER_STAT -> {
                requireOverUnder(type, side);
                if (lineTenths == null) {
                    throw new BetRuleViolation("INVALID_LINE", "A PLAYER_STAT selection needs a line.");
                }
                if (playerId == null || playerId.isBlank() || stat == null) {
                    throw new BetRuleViolation("INVALID_SELECTION", "A PLAYER_STAT selection needs a player and a stat.");
                }
            }
        }
    }

    public static Selection gameWinner(SelectionSide side) {
        return new Selection(SelectionType.GAME_WINNER, side, null, null, null);
    }

    public static Selection totalPoints(SelectionSide side, long lineTenths) {
        return new Selection(SelectionType.TOTAL_POINTS, side, lineTenths, null, null);
    }

    public static Selection playerStat(String playerId, PlayerStat stat, SelectionSide side, long lineTenths) {
        return new Selection(SelectionType.PLAYER_STAT, side, lineTenths, playerId, stat);
    }

    private static void requireOverUnder(SelectionType type, SelectionSide side) {
        if (side != SelectionSide.OVER && side != SelectionSide.UNDER) {
            throw new BetRuleViolation("INVALID_SELECTION", "A " + type + " selection is OVER or UNDER.");
        }
    }

    public boolean sameAs(Selection other) {
        return Objects.equals(this, other);
    }
}
