package dev.p2pbet.stats.game.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A game with five players a side (h1..h5, a1..a5) and results that pass the rules. */
public final class GameFixtures {

    public static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    public static final Instant TIP_OFF = Instant.parse("2026-11-25T20:00:00Z");

    private GameFixtures() {
    }

    public static List<RosterPlayer> aRoster() {
        List<RosterPlayer> roster = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            roster.add(new RosterPlayer("h" + i, "Home Player " + i, Team.HOME));
            roster.add(new RosterPlayer("a" + i, "Away Player " + i, Team.AWAY));
        }
        return roster;
    }

    public static Game aScheduledGame() {
        return Game.schedule("g-1", "Harbor Hawks", "Mesa Miners", TIP_OFF, aRoster(), NOW).game();
    }

    public static Game aLiveGame() {
        return aScheduledGame().start(TIP_OFF).game();
    }

    public static Game aFinalGame() {
        return aLiveGame().finish(aResult(100, 95), ResultSource.posted(), TIP_OFF.plusSeconds(7200)).getLast().game();
    }

    public static Game aCancelledGame() {
        return aScheduledGame().cancel("storm", NOW).game();
    }

    /** h1 and a1 score everything (h1 with two threes); h5 did not play. */
    public static GameResult aResult(int home, int away) {
        List<StatLine> lines = new ArrayList<>();
        lines.add(new StatLine("h1", true, home, 7, 5, 1, 0, 2, 2));
        lines.add(new StatLine("a1", true, away, 9, 3, 2, 1, 3, 0));
        for (int i = 2; i <= 5; i++) {
            lines.add(i == 5 ? StatLine.didNotPlay("h5") : new StatLine("h" + i, true, 0, 2, 1, 0, 0, 1, 0));
            lines.add(new StatLine("a" + i, true, 0, 3, 2, 0, 1, 0, 0));
        }
        return new GameResult(home, away, lines);
    }

    /** {@code result} with one player's line replaced. */
    public static GameResult replacing(GameResult result, StatLine line) {
        List<StatLine> lines = new ArrayList<>(result.statLines().stream()
                .filter(existing -> !existing.playerId().equals(line.playerId())).toList());
        lines.add(line);
        return new GameResult(result.homeScore(), result.awayScore(), lines);
    }
}
