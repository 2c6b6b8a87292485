package dev.p2pbet.stats.game;

import static dev.p2pbet.stats.game.GameRequestsFixture.aGame;
import static dev.p2pbet.stats.game.GameRequestsFixture.aGameId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameFinalized;
import dev.p2pbet.schemas.game.PlayerStatLine;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.stats.StatsIT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SimulatorIT extends StatsIT {

    private static final Instant TOMORROW = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void simulate_now_finalizes_the_game_with_a_consistent_result_and_publishes_it() {
        String gameId = schedule(TOMORROW);

        HttpResponse<String> response = post("/api/admin/games/" + gameId + "/simulate?seed=2026", "", admin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("seed").asLong()).isEqualTo(2026);
        assertThat(body.path("game").path("status").asString()).isEqualTo("final");
        assertThat(body.path("game").path("resultSource").asString()).isEqualTo("simulated");
        GameFinalized finalized = (GameFinalized) this.<GameEvent>eventsUnder(Topics.GAME_EVENTS, gameId, 3).getLast().getPayload();
        assertThat(finalized.getHomeScore()).isBetween(85, 130).isEqualTo(body.path("game").path("homeScore").asInt());
        assertThat(points(finalized.getStatLines(), "h")).isEqualTo(finalized.getHomeScore());
        assertThat(points(finalized.getStatLines(), "a")).isEqualTo(finalized.getAwayScore());
    }

    @Test
    void the_same_seed_plays_the_same_game() {
        String first = schedule(TOMORROW);
        String second = schedule(TOMORROW);

        JsonNode one = json(post("/api/admin/games/" + first + "/simulate?seed=77", "", admin())).path("game");
        JsonNode two = json(post("/api/admin/games/" + second + "/simulate?seed=77", "", admin())).path("game");

        assertThat(two.path("homeScore")).isEqualTo(one.path("homeScore"));
        assertThat(two.path("awayScore")).isEqualTo(one.path("awayScore"));
        assertThat(two.path("statLines")).isEqualTo(one.path("statLines"));
    }

    @Test
    void simulating_a_final_game_with_another_seed_is_a_conflict_like_any_second_result() {
        String gameId = schedule(TOMORROW);
        post("/api/admin/games/" + gameId + "/simulate?seed=1", "", admin());

        assertThat(post("/api/admin/games/" + gameId + "/simulate?seed=1", "", admin()).statusCode()).isEqualTo(200);
        HttpResponse<String> other = post("/api/admin/games/" + gameId + "/simulate?seed=2", "", admin());

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(GameApiIT.reason(other)).isEqualTo("RESULT_CONFLICT");
    }

    @Test
    void a_cancelled_game_cannot_be_simulated() {
        String gameId = schedule(TOMORROW);
        post("/api/admin/games/" + gameId + "/cancel", "{}", admin());

        HttpResponse<String> response = post("/api/admin/games/" + gameId + "/simulate", "", admin());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(GameApiIT.reason(response)).isEqualTo("GAME_CANCELLED");
    }

    @Test
    void without_a_seed_a_random_one_is_used_and_returned() {
        String gameId = schedule(TOMORROW);

        JsonNode body = json(post("/api/admin/games/" + gameId + "/simulate", "", admin()));

        assertThat(body.path("game").path("simulationSeed").asLong()).isEqualTo(body.path("seed").asLong());
    }

    @Test
    void a_game_past_its_length_is_simulated_automatically_with_a_seed_from_its_id() {
        String gameId = schedule(Instant.now().minus(2, ChronoUnit.HOURS));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(json(get("/api/games/" + gameId)).path("status").asString()).isEqualTo("final"));

        JsonNode game = json(get("/api/games/" + gameId));
        assertThat(game.path("resultSource").asString()).isEqualTo("simulated");
        assertThat(game.path("simulationSeed").asLong()).isEqualTo(GameScheduler.seedFor(gameId));
    }

    @Test
    void counts_simulations_and_games_by_status_in_the_metrics() {
        String gameId = schedule(TOMORROW);
        post("/api/admin/games/" + gameId + "/simulate?seed=5", "", admin());

        String metrics = get("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("betting_game_simulations_total\\{[^}]*trigger=\"admin\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("betting_games\\{[^}]*status=\"final\"[^}]*} [1-9]");
        assertThat(metrics).contains("betting_games{").contains("status=\"scheduled\"");
    }

    private String schedule(Instant startsAt) {
        String gameId = aGameId();
        HttpResponse<String> response = post("/api/admin/games", toJson(aGame(gameId, startsAt)), admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return gameId;
    }

    private static int points(List<PlayerStatLine> lines, String teamPrefix) {
        return lines.stream().filter(line -> line.getPlayerId().startsWith(teamPrefix)).mapToInt(PlayerStatLine::getPoints).sum();
    }
}
