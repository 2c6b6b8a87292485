package dev.p2pbet.stats.game.domain;

import java.util.Comparator;
import java.util.List;

/**
 * A final score and every rostered player's line. Lines are kept in player id order, so two
 * results with the same numbers are equal however they were listed.
 */
public record GameResult(int homeScore, int awayScore, List<StatLine> statLines) {

    public GameResult {
        statLines = statLines.stream().sorted(Comparator.comparing(StatLine::playerId)).toList();
    }

    public int score(Team team) {
        return team == Team.HOME ? homeScore : awayScore;
    }
}
