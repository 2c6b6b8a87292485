package dev.p2pbet.systemtests.clients;

import dev.p2pbet.systemtests.support.HttpJson;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The game feed as an operator drives it: stats-service's admin API (schedule, result, simulate, cancel). */
public final class Games {

    private static final int PLAYERS_PER_SIDE = 3;

    /** Where the game feed (admin API) answers. */
    private final URI stats;
    private final HttpJson admin;
    private final HttpJson publicApi;
    private final URI gamesApi;

    public Games(SystemUnderTest sut) {
        this.stats = sut.api("/api/admin/games");
        this.admin = HttpJson.bearer(sut.mintToken("system-tests-feed", "admin"));
        this.publicApi = HttpJson.anonymous();
        this.gamesApi = sut.api("/api/games");
    }

    /** A game starting at {@code startsAt}, three players a side. */
    public Game schedule(String name, Instant startsAt) {
        String gameId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> home = new ArrayList<>();
        List<String> away = new ArrayList<>();
        List<Map<String, Object>> roster = new ArrayList<>();
        for (int i = 1; i <= PLAYERS_PER_SIDE; i++) {
            home.add(gameId + "-h" + i);
            away.add(gameId + "-a" + i);
            roster.add(Map.of("playerId", home.getLast(), "name", "Home Player " + i, "team", "HOME"));
            roster.add(Map.of("playerId", away.getLast(), "name", "Away Player " + i, "team", "AWAY"));
        }
        admin.post(stats.resolve("/api/admin/games"), Map.of("gameId", gameId, "homeTeam", "Harbor Hawks " + name,
                        "awayTeam", "Mesa Miners " + name, "startsAt", startsAt.toString(), "roster", roster))
                .expect(201, "schedule game " + gameId);
        return new Game(gameId, startsAt, List.copyOf(home), List.copyOf(away));
    }

    /** Posts a final result (as a feed would); the score is the sum of each side's points. */
    public GameResult postResult(Game game, ResultSheet sheet) {
        JsonNode body = admin.post(stats.resolve("/api/admin/games/" + game.gameId() + "/result"), sheet.json(game))
                .expect(200, "post the result of " + game.gameId()).body();
        return resultOf(body);
    }

    /** Finalizes the game with the simulator; the same seed on the same roster gives the same result. */
    public GameResult simulate(Game game, long seed) {
        JsonNode body = admin.post(stats.resolve("/api/admin/games/" + game.gameId() + "/simulate?seed=" + seed), null)
                .expect(200, "simulate " + game.gameId()).body();
        return resultOf(body.get("game"));
    }

    public void cancel(Game game, String reason) {
        admin.post(stats.resolve("/api/admin/games/" + game.gameId() + "/cancel"), Map.of("reason", reason))
                .expect(200, "cancel " + game.gameId());
    }

    /** The game's status as the public schedule shows it ({@code scheduled}, {@code live}, ...). */
    public String status(Game game) {
        return publicApi.get(gamesApi.resolve("/api/games/" + game.gameId())).expect(200, "get " + game.gameId())
                .body().get("status").asString();
    }

    private static GameResult resultOf(JsonNode game) {
        Map<String, GameResult.StatLine> lines = new LinkedHashMap<>();
        for (JsonNode line : game.get("statLines")) {
            GameResult.StatLine statLine = HttpJson.JSON.treeToValue(line, GameResult.StatLine.class);
            lines.put(statLine.playerId(), statLine);
        }
        return new GameResult(game.get("homeScore").asInt(), game.get("awayScore").asInt(), Map.copyOf(lines));
    }

    /** A box score to post: the players' lines; a player left out did not play. */
    public static final class ResultSheet {

        private final Map<String, Map<String, Object>> lines = new LinkedHashMap<>();

        public static ResultSheet aResult() {
            return new ResultSheet();
        }

        public ResultSheet player(String playerId, int points, int rebounds, int assists) {
            lines.put(playerId, Map.of("playerId", playerId, "played", true, "points", points,
                    "rebounds", rebounds, "assists", assists));
            return this;
        }

        Map<String, Object> json(Game game) {
            List<Map<String, Object>> all = new ArrayList<>();
            int home = 0;
            int away = 0;
            for (String playerId : game.roster()) {
                Map<String, Object> line = lines.getOrDefault(playerId, Map.of("playerId", playerId, "played", false));
                all.add(line);
                int points = (int) line.getOrDefault("points", 0);
                if (game.homePlayers().contains(playerId)) {
                    home += points;
                } else {
                    away += points;
                }
            }
            return Map.of("homeScore", home, "awayScore", away, "statLines", all);
        }
    }
}
