package dev.p2pbet.stats.game.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What makes a result acceptable for a roster: exactly one line per rostered player (a player
 * who did not play has a line of zeros), no negative numbers, no more threes than points allow,
 * and each team's score equal to the sum of its players' points.
 */
final class ResultRules {

    private ResultRules() {
    }

    static void check(List<RosterPlayer> roster, GameResult result) {
        if (result.homeScore() < 0 || result.awayScore() < 0) {
            throw new GameRuleViolation("NEGATIVE_SCORE", "A score cannot be negative.");
        }
        Map<String, RosterPlayer> players = roster.stream()
                .collect(Collectors.toMap(RosterPlayer::playerId, Function.identity()));
        Set<String> seen = new HashSet<>();
        int[] points = new int[Team.values().length];
        for (StatLine line : result.statLines()) {
            RosterPlayer player = players.get(line.playerId());
            if (player == null) {
                throw new GameRuleViolation("UNKNOWN_PLAYER", "Player " + line.playerId() + " is not on the roster.");
            }
            if (!seen.add(line.playerId())) {
                throw new GameRuleViolation("DUPLICATE_STAT_LINE", "Player " + line.playerId() + " has two stat lines.");
            }
            checkLine(line);
            points[player.team().ordinal()] += line.points();
        }
        players.keySet().stream().filter(id -> !seen.contains(id)).sorted().findFirst().ifPresent(id -> {
            throw new GameRuleViolation("MISSING_STAT_LINE",
                    "Player " + id + " has no stat line (send played = false for a player who did not play).");
        });
        for (Team team : Team.values()) {
            if (points[team.ordinal()] != result.score(team)) {
                throw new GameRuleViolation("SCORE_MISMATCH", "The " + team.name().toLowerCase() + " players scored "
                        + points[team.ordinal()] + " points but the " + team.name().toLowerCase() + " score is "
                        + result.score(team) + ".");
            }
        }
    }

    private static void checkLine(StatLine line) {
        if (line.hasNegativeCount()) {
            throw new GameRuleViolation("NEGATIVE_STAT", "Player " + line.playerId() + " has a negative statistic.");
        }
        if (!line.played() && line.hasAnyCount()) {
            throw new GameRuleViolation("INCONSISTENT_STAT_LINE",
                    "Player " + line.playerId() + " did not play but has statistics.");
        }
        if (line.threesMade() * 3L > line.points()) {
            throw new GameRuleViolation("INCONSISTENT_STAT_LINE",
                    "Player " + line.playerId() + " made more threes than their points allow.");
        }
    }
}
