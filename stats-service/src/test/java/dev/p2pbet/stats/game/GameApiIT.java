package dev.p2pbet.stats.game;

import static dev.p2pbet.stats.game.GameRequestsFixture.aGame;
import static dev.p2pbet.stats.game.GameRequestsFixture.aGameId;
import static dev.p2pbet.stats.game.GameRequestsFixture.aResult;
import static dev.p2pbet.stats.game.GameRequestsFixture.line;
import static dev.p2pbet.stats.game.GameRequestsFixture.withLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameFinalized;
import dev.p2pbet.schemas.game.GameScheduled;
import dev.p2pbet.schemas.game.GameStarted;
import dev.p2pbet.schemas.game.PlayerStatLine;
import dev.p2pbet.schemas.game.TeamSide;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.stats.StatsIT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GameApiIT extends StatsIT {

    private static final Instant TOMORROW = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void schedules_a_game_and_publishes_it_with_its_roster() {
        String gameId = aGameId();

        HttpResponse<String> response = post("/api/admin/games", toJson(aGame(gameId, TOMORROW)), admin());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/games/" + gameId);
        assertThat(json(response).path("status").asString()).isEqualTo("scheduled");
        GameEvent event = this.<GameEvent>eventsUnder(Topics.GAME_EVENTS, gameId, 1).getFirst();
        GameScheduled scheduled = (GameScheduled) event.getPayload();
        assertThat(scheduled.getHomeTeam()).isEqualTo("Harbor Hawks");
        assertThat(scheduled.getStartsAt()).isEqualTo(TOMORROW);
        assertThat(scheduled.getRoster()).hasSize(6)
                .anySatisfy(player -> {
                    assertThat(player.getPlayerId()).isEqualTo("a2");
                    assertThat(player.getName()).isEqualTo("Away Player 2");
                    assertThat(player.getTeam()).isEqualTo(TeamSide.AWAY);
                });
    }

    @Test
    void scheduling_the_same_game_again_changes_nothing_but_another_game_under_its_id_is_refused() {
        String gameId = schedule(TOMORROW);

        HttpResponse<String> again = post("/api/admin/games", toJson(aGame(gameId, TOMORROW)), admin());
        HttpResponse<String> other = post("/api/admin/games", toJson(aGame(gameId, TOMORROW.plusSeconds(60))), admin());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(reason(other)).isEqualTo("GAME_EXISTS");
        assertThat(eventsUnder(Topics.GAME_EVENTS, gameId, 1)).hasSize(1);
    }

    @Test
    void refuses_a_game_whose_team_has_no_players() {
        Map<String, Object> game = aGame(aGameId(), TOMORROW);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roster = (List<Map<String, Object>>) game.get("roster");
        game.put("roster", roster.stream().filter(player -> player.get("team").equals("HOME")).toList());

        HttpResponse<String> response = post("/api/admin/games", toJson(game), admin());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(reason(response)).isEqualTo("INVALID_ROSTER");
        assertThat(gameRows((String) game.get("gameId"))).isZero();
    }

    @Test
    void refuses_a_malformed_game_as_problem_json() {
        HttpResponse<String> response = post("/api/admin/games", "{\"homeTeam\": \"Hawks\"}", admin());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void only_admins_schedule_games() {
        String game = toJson(aGame(aGameId(), TOMORROW));

        HttpResponse<String> asUser = post("/api/admin/games", game, user("alice"));
        HttpResponse<String> anonymous = post("/api/admin/games", game, null);

        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(asUser.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void anyone_reads_a_game_with_its_roster() {
        String gameId = schedule(TOMORROW);

        JsonNode game = json(get("/api/games/" + gameId));

        assertThat(game.path("homeTeam").asString()).isEqualTo("Harbor Hawks");
        assertThat(game.path("startsAt").asString()).isEqualTo(TOMORROW.toString());
        assertThat(game.path("roster").size()).isEqualTo(6);
    }

    @Test
    void an_unknown_game_is_not_found() {
        HttpResponse<String> response = get("/api/games/no-such-game");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(reason(response)).isEqualTo("GAME_NOT_FOUND");
    }

    @Test
    void lists_games_of_a_day_by_status_a_page_at_a_time() {
        Instant day = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(100_000))
                .atTime(18, 0).toInstant(ZoneOffset.UTC);
        String first = schedule(day);
        String second = schedule(day.plusSeconds(3600));
        String cancelled = schedule(day.plusSeconds(7200));
        post("/api/admin/games/" + cancelled + "/cancel", "{}", admin());
        String date = day.toString().substring(0, 10);

        JsonNode page = json(get("/api/games?status=scheduled&date=" + date + "&size=1"));
        JsonNode all = json(get("/api/games?from=" + date + "&to=" + date));

        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        assertThat(page.path("totalPages").asLong()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("gameId").asString()).isEqualTo(first);
        assertThat(json(get("/api/games?status=scheduled&date=" + date + "&size=1&page=1")).path("items").get(0)
                .path("gameId").asString()).isEqualTo(second);
        assertThat(all.path("items").size()).isEqualTo(3);
        assertThat(all.path("items").get(2).path("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void refuses_an_unknown_status_filter_and_an_oversized_page() {
        assertThat(reason(get("/api/games?status=postponed"))).isEqualTo("UNKNOWN_STATUS");
        assertThat(get("/api/games?size=1000").statusCode()).isEqualTo(400);
    }

    @Test
    void a_posted_result_finalizes_the_game_and_is_published_with_every_stat_line() {
        String gameId = schedule(TOMORROW);

        HttpResponse<String> response = post("/api/admin/games/" + gameId + "/result", toJson(aResult(104, 99)), admin());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode game = json(get("/api/games/" + gameId));
        assertThat(game.path("status").asString()).isEqualTo("final");
        assertThat(game.path("homeScore").asInt()).isEqualTo(104);
        assertThat(game.path("statLines").size()).isEqualTo(6);
        List<GameEvent> events = eventsUnder(Topics.GAME_EVENTS, gameId, 3);
        assertThat(events).<Class<?>>extracting(event -> event.getPayload().getClass())
                .containsExactly(GameScheduled.class, GameStarted.class, GameFinalized.class);
        GameFinalized finalized = (GameFinalized) events.get(2).getPayload();
        assertThat(finalized.getHomeScore()).isEqualTo(104);
        assertThat(finalized.getAwayScore()).isEqualTo(99);
        assertThat(finalized.getStatLines()).hasSize(6)
                .filteredOn(line -> line.getPlayerId().equals("h3")).singleElement()
                .extracting(PlayerStatLine::getPlayed).isEqualTo(false);
        assertThat(jdbc.sql("SELECT sum(points) FROM game_player_stats WHERE game_id = ?").param(gameId)
                .query(Long.class).single()).isEqualTo(203);
    }

    @Test
    void the_same_result_twice_is_accepted_once() {
        String gameId = schedule(TOMORROW);
        post("/api/admin/games/" + gameId + "/result", toJson(aResult(104, 99)), admin());

        HttpResponse<String> again = post("/api/admin/games/" + gameId + "/result", toJson(aResult(104, 99)), admin());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asString()).isEqualTo("final");
        assertThat(eventsUnder(Topics.GAME_EVENTS, gameId, 3)).hasSize(3);
    }

    @Test
    void a_different_second_result_is_refused_and_the_first_one_stands() {
        String gameId = schedule(TOMORROW);
        post("/api/admin/games/" + gameId + "/result", toJson(aResult(104, 99)), admin());

        HttpResponse<String> second = post("/api/admin/games/" + gameId + "/result", toJson(aResult(104, 101)), admin());

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(reason(second)).isEqualTo("RESULT_CONFLICT");
        assertThat(json(get("/api/games/" + gameId)).path("awayScore").asInt()).isEqualTo(99);
        assertThat(eventsUnder(Topics.GAME_EVENTS, gameId, 3)).hasSize(3);
    }

    @Test
    void a_result_for_an_unknown_game_is_not_found() {
        HttpResponse<String> response = post("/api/admin/games/no-such-game/result", toJson(aResult(104, 99)), admin());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(reason(response)).isEqualTo("GAME_NOT_FOUND");
    }

    @Test
    void an_invalid_stat_line_is_refused_and_nothing_changes() {
        String gameId = schedule(TOMORROW);
        Map<String, Object> negative = withLine(aResult(104, 99), Map.of("playerId", "a3", "played", true, "rebounds", -2));

        HttpResponse<String> response = post("/api/admin/games/" + gameId + "/result", toJson(negative), admin());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(reason(response)).isEqualTo("NEGATIVE_STAT");
        assertNothingChanged(gameId);
    }

    @Test
    void a_score_that_is_not_the_sum_of_the_points_is_refused_and_nothing_changes() {
        String gameId = schedule(TOMORROW);
        Map<String, Object> result = withLine(aResult(104, 99), line("a3", 5, 0));

        HttpResponse<String> response = post("/api/admin/games/" + gameId + "/result", toJson(result), admin());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(reason(response)).isEqualTo("SCORE_MISMATCH");
        assertNothingChanged(gameId);
    }

    @Test
    void a_line_for_a_player_off_the_roster_is_refused_and_nothing_changes() {
        String gameId = schedule(TOMORROW);
        Map<String, Object> result = withLine(aResult(104, 99), line("ringer", 0, 0));

        HttpResponse<String> response = post("/api/admin/games/" + gameId + "/result", toJson(result), admin());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(reason(response)).isEqualTo("UNKNOWN_PLAYER");
        assertNothingChanged(gameId);
    }

    @Test
    void a_cancelled_game_is_published_and_takes_no_result() {
        String gameId = schedule(TOMORROW);

        HttpResponse<String> cancel = post("/api/admin/games/" + gameId + "/cancel", "{\"reason\": \"arena flooded\"}", admin());
        HttpResponse<String> result = post("/api/admin/games/" + gameId + "/result", toJson(aResult(104, 99)), admin());

        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(result.statusCode()).isEqualTo(409);
        assertThat(reason(result)).isEqualTo("GAME_CANCELLED");
        JsonNode game = json(get("/api/games/" + gameId));
        assertThat(game.path("status").asString()).isEqualTo("cancelled");
        assertThat(game.has("homeScore")).isFalse();
        assertThat(statRows(gameId)).isZero();
        List<GameEvent> events = eventsUnder(Topics.GAME_EVENTS, gameId, 2);
        assertThat(events).hasSize(2);
        assertThat(((GameCancelled) events.get(1).getPayload()).getReason()).isEqualTo("arena flooded");
    }

    @Test
    void a_final_game_cannot_be_cancelled() {
        String gameId = schedule(TOMORROW);
        post("/api/admin/games/" + gameId + "/result", toJson(aResult(104, 99)), admin());

        HttpResponse<String> cancel = post("/api/admin/games/" + gameId + "/cancel", "{}", admin());

        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(reason(cancel)).isEqualTo("GAME_FINAL");
        assertThat(json(get("/api/games/" + gameId)).path("status").asString()).isEqualTo("final");
    }

    @Test
    void a_game_goes_live_at_its_start_time_and_the_start_is_published() {
        String gameId = schedule(Instant.now().plusSeconds(1));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(json(get("/api/games/" + gameId)).path("status").asString()).isEqualTo("live"));

        List<GameEvent> events = eventsUnder(Topics.GAME_EVENTS, gameId, 2);
        assertThat(events).<Class<?>>extracting(event -> event.getPayload().getClass())
                .containsExactly(GameScheduled.class, GameStarted.class);
    }

    private String schedule(Instant startsAt) {
        String gameId = aGameId();
        HttpResponse<String> response = post("/api/admin/games", toJson(aGame(gameId, startsAt)), admin());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return gameId;
    }

    private void assertNothingChanged(String gameId) {
        assertThat(json(get("/api/games/" + gameId)).path("status").asString()).isEqualTo("scheduled");
        assertThat(statRows(gameId)).isZero();
        assertThat(eventsUnder(Topics.GAME_EVENTS, gameId, 1)).hasSize(1);
    }

    private long statRows(String gameId) {
        return jdbc.sql("SELECT count(*) FROM game_player_stats WHERE game_id = ?").param(gameId).query(Long.class).single();
    }

    private long gameRows(String gameId) {
        return jdbc.sql("SELECT count(*) FROM games WHERE game_id = ?").param(gameId).query(Long.class).single();
    }

    static String reason(HttpResponse<String> response) {
        return json(response).path("reason").asString();
    }
}
