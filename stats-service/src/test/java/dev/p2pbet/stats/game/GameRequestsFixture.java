package dev.p2pbet.stats.game;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the admin API: a game with three players a side and results for it. */
final class GameRequestsFixture {

    private GameRequestsFixture() {
    }

    static String aGameId() {
        return "g-" + UUID.randomUUID();
    }

    static Map<String, Object> aGame(String gameId, Instant startsAt) {
        List<Map<String, Object>> roster = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            roster.add(Map.of("playerId", "h" + i, "name", "Home Player " + i, "team", "HOME"));
            roster.add(Map.of("playerId", "a" + i, "name", "Away Player " + i, "team", "AWAY"));
        }
        Map<String, Object> game = new LinkedHashMap<>();
        game.put("gameId", gameId);
        game.put("homeTeam", "Harbor Hawks");
        game.put("awayTeam", "Mesa Miners");
        game.put("startsAt", startsAt.toString());
        game.put("roster", roster);
        return game;
    }

    /** h1 scores 30 with 4 threes, h2 the rest of the home points, h3 did not play; a1 and a2 share the away points. */
    static Map<String, Object> aResult(int home, int away) {
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line("h1", 30, 4));
        lines.add(line("h2", home - 30, 0));
        lines.add(Map.of("playerId", "h3", "played", false));
        lines.add(line("a1", away / 2, 1));
        lines.add(line("a2", away - away / 2, 0));
        lines.add(line("a3", 0, 0));
        return Map.of("homeScore", home, "awayScore", away, "statLines", lines);
    }

    static Map<String, Object> withLine(Map<String, Object> result, Map<String, Object> line) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) result.get("statLines"));
        lines.removeIf(existing -> existing.get("playerId").equals(line.get("playerId")));
        lines.add(line);
        Map<String, Object> changed = new LinkedHashMap<>(result);
        changed.put("statLines", lines);
        return changed;
    }

    static Map<String, Object> line(String playerId, int points, int threes) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("playerId", playerId);
        line.put("played", true);
        line.put("points", points);
        line.put("rebounds", 6);
        line.put("assists", 4);
        line.put("steals", 1);
        line.put("blocks", 1);
        line.put("turnovers", 2);
        line.put("threesMade", threes);
        return line;
    }
}
