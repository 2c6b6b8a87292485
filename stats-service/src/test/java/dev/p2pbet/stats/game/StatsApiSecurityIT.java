package dev.p2pbet.stats.game;

import static dev.p2pbet.stats.game.GameRequestsFixture.aGame;
import static dev.p2pbet.stats.game.GameRequestsFixture.aGameId;
import static dev.p2pbet.stats.game.GameRequestsFixture.aResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.stats.StatsIT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1/API5 on stats-service: the operator API ({@code /api/admin/games/**}) refuses every signed-in user who
 * is not in the admin group with 403 problem+json, before the body is even read, and changes nothing. By design the
 * game schedule is public to anyone (the frontend shows it before sign-in) and users' stats to signed-in users (the
 * leaderboard shows them); both are read-only.
 */
class StatsApiSecurityIT extends StatsIT {

    private static final Instant TOMORROW = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void every_admin_endpoint_refuses_a_user_who_is_not_an_admin() {
        String gameId = aGameId();
        String mallory = user("mallory");
        record Call(String what, HttpResponse<String> response) {
        }
        List<Call> calls = List.of(
                new Call("schedule a game", post("/api/admin/games", toJson(aGame(gameId, TOMORROW)), mallory)),
                new Call("schedule with an invalid body", post("/api/admin/games", "{\"homeTeam\":\"\"}", mallory)),
                new Call("cancel a game", post("/api/admin/games/" + gameId + "/cancel", "{}", mallory)),
                new Call("post a result", post("/api/admin/games/" + gameId + "/result", toJson(aResult(100, 90)),
                        mallory)),
                new Call("simulate a game", post("/api/admin/games/" + gameId + "/simulate", "", mallory)));

        assertThat(calls).allSatisfy(call -> {
            assertThat(call.response().statusCode()).as(call.what() + ": " + call.response().body()).isEqualTo(403);
            assertThat(call.response().headers().firstValue("Content-Type")).as(call.what()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM games WHERE game_id = ?").param(gameId).query(Long.class).single())
                .as("nothing was scheduled").isZero();
    }

    @Test
    void an_admin_is_let_in() {
        HttpResponse<String> scheduled = post("/api/admin/games", toJson(aGame(aGameId(), TOMORROW)), admin());

        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
    }

    @Test
    void stats_and_the_admin_api_need_a_token() {
        List<HttpResponse<String>> anonymous = List.of(
                get("/api/stats/users/alice"),
                get("/api/stats/leaderboard"),
                post("/api/admin/games", toJson(aGame(aGameId(), TOMORROW)), null));

        assertThat(anonymous).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"reason\":\"UNAUTHENTICATED\"");
        });
    }

    @Test
    void the_game_schedule_is_public_and_read_only() {
        String gameId = aGameId();

        assertThat(get("/api/games").statusCode()).isEqualTo(200);
        assertThat(post("/api/games", toJson(aGame(gameId, TOMORROW)), null).statusCode()).isIn(401, 403, 405);
        assertThat(post("/api/games", toJson(aGame(gameId, TOMORROW)), user("mallory")).statusCode()).isIn(403, 405);
        assertThat(jdbc.sql("SELECT count(*) FROM games WHERE game_id = ?").param(gameId).query(Long.class).single())
                .isZero();
    }

    @Test
    void another_users_stats_are_public_like_the_leaderboard_and_read_only() {
        HttpResponse<String> read = get("/api/stats/users/alice", user("mallory"));
        HttpResponse<String> write = post("/api/stats/users/alice", "{\"wins\":1000}", user("mallory"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(write.statusCode()).isIn(404, 405);
    }
}
