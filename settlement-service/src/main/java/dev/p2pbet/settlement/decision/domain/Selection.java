package dev.p2pbet.settlement.decision.domain;

import java.util.Objects;

/**
 * What the creator backs. {@code lineTenths} is the line in tenths of a point (2155 = 215.5), so
 * comparing a result with it is exact integer arithmetic.
 */
public record Selection(SelectionType type, SelectionSide side, Long lineTenths, String playerId, PlayerStat stat) {

    public Selection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(side, "side");
        switch (type) {
            case GAME_WINNER -> require(side == SelectionSide.HOME || side == SelectionSide.AWAY, "HOME or AWAY");
            case TOTAL_POINTS -> require(overUnder(side) && lineTenths != null, "OVER/UNDER with a line");
            case PLAYER_STAT -> require(overUnder(side) && lineTenths != null && playerId != null && stat != null,
                    "OVER/UNDER with a line, a player and a stat");
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

    private static boolean overUnder(SelectionSide side) {
        return side == SelectionSide.OVER || side == SelectionSide.UNDER;
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("a " + type + " selection needs " + what);
        }
    }
}
