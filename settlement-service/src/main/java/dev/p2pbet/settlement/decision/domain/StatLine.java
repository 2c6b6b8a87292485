package dev.p2pbet.settlement.decision.domain;

/** A player's line in a final box score; {@code played} false means the player did not take the floor. */
public record StatLine(String playerId, boolean played, int points, int rebounds, int assists, int steals,
                       int blocks, int turnovers, int threesMade) {

    public int value(PlayerStat stat) {
        return switch (stat) {
            case POINTS -> points;
            case REBOUNDS -> rebounds;
            case ASSISTS -> assists;
            case STEALS -> steals;
            case BLOCKS -> blocks;
            case TURNOVERS -> turnovers;
            case THREES_MADE -> threesMade;
        };
    }
}
