package dev.p2pbet.systemtests.clients;

import java.util.Map;

/** A final result as stats-service publishes it: the score and every rostered player's line. */
public record GameResult(int homeScore, int awayScore, Map<String, StatLine> lines) {

    public int totalPoints() {
        return homeScore + awayScore;
    }

    public StatLine line(String playerId) {
        StatLine line = lines.get(playerId);
        if (line == null) {
            throw new IllegalArgumentException("no stat line for " + playerId + " in " + lines.keySet());
        }
        return line;
    }

    public record StatLine(String playerId, boolean played, int points, int rebounds, int assists, int steals,
                           int blocks, int turnovers, int threesMade) {

        /** The count of a stat by its API name ({@code POINTS}, {@code REBOUNDS}, ...). */
        public int of(String stat) {
            return switch (stat) {
                case "POINTS" -> points;
                case "REBOUNDS" -> rebounds;
                case "ASSISTS" -> assists;
                case "STEALS" -> steals;
                case "BLOCKS" -> blocks;
                case "TURNOVERS" -> turnovers;
                case "THREES_MADE" -> threesMade;
                default -> throw new IllegalArgumentException("not a stat: " + stat);
            };
        }
    }
}
