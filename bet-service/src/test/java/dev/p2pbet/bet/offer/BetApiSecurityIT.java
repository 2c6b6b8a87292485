package dev.p2pbet.bet.offer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.bet.BetIT;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API1 (object-level authorization), API3 (mass assignment) and API4 (rate limits) on the bet API, over real
 * HTTP with real tokens. A bet is public while it is offered (the lobby shows it, so anyone may read it and accept
 * it); only its creator may withdraw it; a user's list is only ever the caller's own; nothing the client sends can
 * set the owner, the acceptor, the status, the id or an amount paid.
 */
class BetApiSecurityIT extends BetIT {

    /** What the rate-limit tests measured, for docs/reliability.md (target/reliability/rate-limits.md). */
    private static final Map<String, String> MEASURED = new ConcurrentSkipListMap<>();
    private static final AtomicInteger ALLOWED = new AtomicInteger();

    @AfterAll
    static void writeMeasurements() throws IOException {
        if (MEASURED.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder("| rate limit (one user, defaults) | requests allowed before the first 429 "
                + "| Retry-After (s) | writes by the refused requests |\n|---|---|---|---|\n");
        MEASURED.forEach((what, row) -> table.append("| ").append(what).append(" | ").append(row).append(" |\n"));
        System.out.println(table);
        Path out = Path.of("target/reliability/rate-limits.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    // ---- API1: object-level authorization ----------------------------------------------------

    /** Every bet endpoint, called by someone who is not a party to alice's bet. */
    @Test
    void another_user_cannot_act_on_or_list_someone_elses_bet() {
        String alice = aUser("alice");
        String mallory = aUser("mallory");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);

        record Call(String what, HttpResponse<String> response, int status, String reason) {
        }
        List<Call> calls = List.of(
                new Call("withdraw alice's offer", post("/api/bets/" + betId + "/withdraw", "", mallory), 403,
                        "NOT_YOUR_BET"),
                new Call("list alice's bets by her id", get("/api/users/" + alice + "/bets", mallory), 404, null),
                new Call("read alice's wallet through the bet API", get("/api/wallets/" + alice, mallory), 404, null),
                new Call("withdraw an unknown bet", post("/api/bets/b-" + UUID.randomUUID() + "/withdraw", "", mallory),
                        404, "BET_NOT_FOUND"));

        for (Call call : calls) {
            assertThat(call.response().statusCode()).as(call.what() + ": " + call.response().body())
                    .isEqualTo(call.status());
            assertThat(call.response().headers().firstValue("Content-Type")).as(call.what())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            if (call.reason() != null) {
                assertThat(json(call.response()).path("reason").asString()).as(call.what()).isEqualTo(call.reason());
            }
        }
        assertThat(bet(betId).path("status").asString()).as("alice's offer is untouched").isEqualTo("open");
    }

    @Test
    void the_callers_bet_list_holds_only_the_callers_bets() {
        String alice = aUser("alice");
        String mallory = aUser("mallory");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);

        JsonNode mine = json(get("/api/users/me/bets", mallory));

        assertThat(mine.path("items").values()).extracting(item -> item.path("betId").asString())
                .doesNotContain(betId);
        assertThat(json(get("/api/users/me/bets", alice)).path("items").values())
                .extracting(item -> item.path("betId").asString()).containsExactly(betId);
    }

    @Test
    void a_bet_that_has_left_the_lobby_cannot_be_taken_over_by_a_third_user() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String mallory = aUser("mallory");
        String betId = aMatchedBet(alice, bob, aScheduledGame(), 1_000);

        HttpResponse<String> accept = post("/api/bets/" + betId + "/accept", "", mallory);
        HttpResponse<String> withdraw = post("/api/bets/" + betId + "/withdraw", "", mallory);

        assertThat(accept.statusCode()).as(accept.body()).isEqualTo(409);
        assertThat(withdraw.statusCode()).as(withdraw.body()).isIn(403, 409);
        JsonNode bet = bet(betId);
        assertThat(bet.path("status").asString()).isEqualTo("matched");
        assertThat(bet.path("acceptorId").asString()).isEqualTo(bob);
    }

    @Test
    void every_bet_endpoint_needs_a_token() {
        String betId = "b-" + UUID.randomUUID();
        List<HttpResponse<String>> anonymous = List.of(
                post("/api/bets", homeWinOffer("g-1", 1_000), null),
                get("/api/bets/" + betId, null),
                post("/api/bets/" + betId + "/accept", "", null),
                post("/api/bets/" + betId + "/withdraw", "", null),
                get("/api/bets", null),
                get("/api/users/me/bets", null),
                get("/api/bets/stream", null));

        assertThat(anonymous).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"reason\":\"UNAUTHENTICATED\"");
        });
    }

    // ---- API3: mass assignment ---------------------------------------------------------------

    @Test
    void an_offer_ignores_the_fields_a_client_must_not_set() {
        String alice = aUser("alice");
        String victim = aUser("victim");
        String game = aScheduledGame();
        String forgedId = UUID.randomUUID().toString();
        String body = "{\"gameId\":\"" + game + "\",\"selection\":{\"type\":\"GAME_WINNER\",\"side\":\"HOME\"},"
                + "\"stakeMinor\":1000,\"betId\":\"" + forgedId + "\",\"status\":\"matched\","
                + "\"creatorId\":\"" + victim + "\",\"acceptorId\":\"" + victim + "\",\"pendingAcceptorId\":\""
                + victim + "\",\"winnerId\":\"" + alice + "\",\"creatorRefundMinor\":999999,"
                + "\"acceptorRefundMinor\":999999,\"createdAt\":\"2000-01-01T00:00:00Z\",\"url\":\"/evil\"}";

        HttpResponse<String> created = post("/api/bets", body, alice);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode bet = json(created);
        assertThat(bet.path("betId").asString()).isNotEqualTo(forgedId);
        assertThat(bet.path("creatorId").asString()).isEqualTo(alice);
        assertThat(bet.path("status").asString()).isEqualTo("escrow_pending");
        assertThat(bet.has("acceptorId")).isFalse();
        assertThat(bet.has("pendingAcceptorId")).isFalse();
        assertThat(bet.has("winnerId")).isFalse();
        assertThat(bet.has("creatorRefundMinor")).isFalse();
        assertThat(bet.path("createdAt").asString()).doesNotStartWith("2000");
        assertThat(rowsOf(victim)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM bets WHERE bet_id::text = ?").param(forgedId).query(Long.class).single())
                .isZero();
    }

    @Test
    void an_acceptance_ignores_any_body_naming_another_acceptor_status_or_stake() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String victim = aUser("victim");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);

        HttpResponse<String> accepted = send(request("/api/bets/" + betId + "/accept", bob)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"acceptorId\":\"" + victim + "\",\"pendingAcceptorId\":\""
                        + victim + "\",\"status\":\"matched\",\"stakeMinor\":1,\"creatorId\":\"" + bob + "\"}")));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode bet = json(accepted);
        assertThat(bet.path("pendingAcceptorId").asString()).isEqualTo(bob);
        assertThat(bet.path("creatorId").asString()).isEqualTo(alice);
        assertThat(bet.path("status").asString()).isEqualTo("matching");
        assertThat(bet.path("stakeMinor").asLong()).isEqualTo(1_000);
    }

    @Test
    void a_withdrawal_body_cannot_make_the_caller_the_creator() {
        String alice = aUser("alice");
        String mallory = aUser("mallory");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);

        HttpResponse<String> withdraw = post("/api/bets/" + betId + "/withdraw",
                "{\"creatorId\":\"" + mallory + "\"}", mallory);

        assertThat(withdraw.statusCode()).as(withdraw.body()).isEqualTo(403);
        assertThat(bet(betId).path("status").asString()).isEqualTo("open");
    }

    // ---- API4: per-user rate limits -----------------------------------------------------------

    @Test
    void refuses_a_user_flooding_offers_with_429_and_retry_after_while_others_still_offer() {
        String flooder = aUser("flooder");

        HttpResponse<String> refused = firstRefusalOf(() -> post("/api/bets", homeWinOffer("g-no-such-game", 1_000),
                flooder));

        assertRateLimited(refused);
        assertThat(rowsOf(flooder)).isZero();
        measured("POST /api/bets", refused, "0 bets");
        HttpResponse<String> someoneElse = post("/api/bets", homeWinOffer(aScheduledGame(), 1_000), aUser("calm"));
        assertThat(someoneElse.statusCode()).as(someoneElse.body()).isEqualTo(202);
    }

    @Test
    void refuses_a_user_flooding_acceptances_with_429_and_retry_after() {
        String flooder = aUser("flooder");

        HttpResponse<String> refused = firstRefusalOf(() -> post("/api/bets/b-" + UUID.randomUUID() + "/accept", "",
                flooder));

        assertRateLimited(refused);
        measured("POST /api/bets/{id}/accept", refused, "0 acceptances");
    }

    private static void measured(String what, HttpResponse<String> refused, String writes) {
        MEASURED.put(what, ALLOWED.get() + " | " + refused.headers().firstValue("Retry-After").orElse("-") + " | " + writes);
    }


    /**
     * Sends until the first 429. The defaults allow a burst of 120, then 120 a minute (2 a second): the requests
     * allowed are the burst plus what was earned back while they were sent.
     */
    private static HttpResponse<String> firstRefusalOf(Supplier<HttpResponse<String>> call) {
        List<Integer> statuses = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 429) {
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(statuses.size()).as("requests allowed before the limit, in %.1f s", seconds)
                        .isBetween(120, 120 + (int) Math.ceil(seconds * 2) + 1);
                ALLOWED.set(statuses.size());
                return response;
            }
            statuses.add(response.statusCode());
        }
        throw new AssertionError("no 429 after 1,000 requests; statuses " + statuses.stream().distinct().toList());
    }

    private static void assertRateLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(json(response).path("reason").asString()).isEqualTo("RATE_LIMITED");
    }
}
