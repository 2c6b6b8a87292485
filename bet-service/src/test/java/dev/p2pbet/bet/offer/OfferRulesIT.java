package dev.p2pbet.bet.offer;

import static dev.p2pbet.bet.OtherServices.HOME_PLAYER;
import static dev.p2pbet.bet.OtherServices.gameCancelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.bet.BetIT;
import dev.p2pbet.bet.OtherServices;
import dev.p2pbet.schemas.bet.BetExpired;
import dev.p2pbet.schemas.bet.BetWithdrawn;
import dev.p2pbet.schemas.topics.Topics;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refusal is problem+json with a reason code, and writes nothing. */
class OfferRulesIT extends BetIT {

    @Test
    void refuses_every_invalid_offer_with_its_reason_and_writes_nothing() {
        String alice = aUser("alice");
        String game = aScheduledGame();

        assertRefused(alice, offer("g-unknown", winner("HOME"), 1_000), 422, "UNKNOWN_GAME");
        assertRefused(alice, offer(game, winner("OVER"), 1_000), 422, "INVALID_SELECTION");
        assertRefused(alice, offer(game, "{\"type\":\"CORNERS\",\"side\":\"HOME\"}", 1_000), 422, "INVALID_SELECTION");
        assertRefused(alice, offer(game, "{\"type\":\"TOTAL_POINTS\",\"side\":\"OVER\"}", 1_000), 422, "INVALID_LINE");
        assertRefused(alice, offer(game, "{\"type\":\"TOTAL_POINTS\",\"side\":\"OVER\",\"lineTenths\":2153}", 1_000),
                422, "INVALID_LINE");
        assertRefused(alice, offer(game, "{\"type\":\"TOTAL_POINTS\",\"side\":\"OVER\",\"lineTenths\":-5}", 1_000),
                422, "INVALID_LINE");
        assertRefused(alice, offer(game, playerStat("nobody", "POINTS", 255), 1_000), 422, "UNKNOWN_PLAYER");
        assertRefused(alice, offer(game, playerStat(HOME_PLAYER, "GOALS", 255), 1_000), 422, "INVALID_SELECTION");
        assertRefused(alice, offer(game, playerStat(HOME_PLAYER, "POINTS", 1_005), 1_000), 422, "INVALID_LINE");
        assertRefused(alice, offer(game, winner("HOME"), 99), 422, "STAKE_TOO_LOW");
        assertRefused(alice, offer(game, winner("HOME"), 1_000_001), 422, "STAKE_TOO_HIGH");
        assertRefused(alice, offer(game, winner("HOME"), 0), 422, "INVALID_STAKE");
        assertRefused(alice, "{\"gameId\":\"" + game + "\",\"selection\":" + winner("HOME")
                + ",\"stakeMinor\":1000,\"currency\":\"EUR\"}", 422, "WRONG_CURRENCY");
        assertRefused(alice, "{\"gameId\":\"" + game + "\",\"selection\":" + winner("HOME")
                + ",\"stakeMinor\":1000,\"currency\":\"usd\"}", 422, "WRONG_CURRENCY");
        assertRefused(alice, "{\"gameId\":\"" + game + "\",\"selection\":" + winner("HOME")
                + ",\"stakeMinor\":1000,\"currency\":5785}", 422, "WRONG_CURRENCY");
        assertRefused(alice, "{\"selection\":" + winner("HOME") + ",\"stakeMinor\":1000}", 400, "INVALID_REQUEST");
        assertRefused(alice, "{\"gameId\":\"" + game + "\",\"selection\":" + winner("HOME") + "}", 400,
                "INVALID_REQUEST");

        assertThat(rowsOf(alice)).isZero();
    }

    @Test
    void accepts_a_player_stat_offer_on_a_rostered_player() {
        HttpResponse<String> created = post("/api/bets",
                offer(aScheduledGame(), playerStat(HOME_PLAYER, "REBOUNDS", 85), 500), aUser("alice"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(json(created).path("selection").path("stat").asString()).isEqualTo("REBOUNDS");
        assertThat(json(created).path("acceptorSide").asString()).isEqualTo("UNDER");
    }

    @Test
    void refuses_an_offer_over_the_limit_of_offers_in_flight() {
        String alice = aUser("alice");
        String game = aScheduledGame();
        for (int i = 0; i < 3; i++) {
            createOffer(alice, game, 1_000);
        }

        assertRefused(alice, homeWinOffer(game, 1_000), 422, "TOO_MANY_OPEN_OFFERS");
        assertThat(rowsOf(alice)).isEqualTo(3);
    }

    @Test
    void refuses_offers_and_acceptances_once_the_game_has_started() {
        String alice = aUser("alice");
        String game = aScheduledGame();
        String betId = anOpenOffer(aUser("carol"), game, 1_000);

        startGame(game);

        assertRefused(alice, homeWinOffer(game, 1_000), 409, "GAME_NOT_OPEN");
        assertThat(rowsOf(alice)).isZero();
        HttpResponse<String> accept = post("/api/bets/" + betId + "/accept", "", alice);
        assertThat(accept.statusCode()).isEqualTo(409);
    }

    @Test
    void refuses_offers_on_a_cancelled_game() {
        String alice = aUser("alice");
        String game = aScheduledGame();

        publish(gameCancelled(game));
        await().atMost(WAIT).until(() -> gameStatus(game).equals("cancelled"));

        assertRefused(alice, homeWinOffer(game, 1_000), 409, "GAME_NOT_OPEN");
    }

    @Test
    void a_user_cannot_accept_their_own_offer() {
        String alice = aUser("alice");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);

        HttpResponse<String> own = post("/api/bets/" + betId + "/accept", "", alice);

        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(json(own).path("reason").asString()).isEqualTo("OWN_BET");
        assertThat(bet(betId).path("status").asString()).isEqualTo("open");
    }

    @Test
    void an_offer_still_pending_escrow_cannot_be_accepted() {
        String betId = createOffer(aUser("alice"), aScheduledGame(), 1_000);

        HttpResponse<String> early = post("/api/bets/" + betId + "/accept", "", aUser("bob"));

        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).path("reason").asString()).isEqualTo("BET_NOT_OPEN");
    }

    @Test
    void an_unknown_bet_is_not_found() {
        HttpResponse<String> missing = get("/api/bets/00000000-0000-0000-0000-000000000000", "reader");
        HttpResponse<String> garbage = post("/api/bets/not-a-bet/accept", "", "reader");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("reason").asString()).isEqualTo("BET_NOT_FOUND");
        assertThat(garbage.statusCode()).isEqualTo(404);
    }

    @Test
    void bets_need_a_signed_in_user() {
        assertThat(post("/api/bets", homeWinOffer("g", 1_000), null).statusCode()).isEqualTo(401);
        assertThat(get("/api/bets", null).statusCode()).isEqualTo(401);
    }

    @Test
    void another_users_offer_cannot_be_withdrawn() {
        String alice = aUser("alice");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);

        HttpResponse<String> withdrawal = post("/api/bets/" + betId + "/withdraw", "", aUser("mallory"));

        assertThat(withdrawal.statusCode()).isEqualTo(403);
        assertThat(withdrawal.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(withdrawal).path("reason").asString()).isEqualTo("NOT_YOUR_BET");
        assertThat(bet(betId).path("status").asString()).isEqualTo("open");
    }

    @Test
    void the_creator_withdraws_an_open_offer_and_settlement_is_told() {
        String alice = aUser("alice");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);

        HttpResponse<String> withdrawal = post("/api/bets/" + betId + "/withdraw", "", alice);

        assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(202);
        assertThat(bet(betId).path("status").asString()).isEqualTo("withdrawn");
        List<Object> events = betEvents(betId, 3);
        assertThat(events.get(2)).isInstanceOfSatisfying(BetWithdrawn.class,
                w -> assertThat(w.getCreatorId()).isEqualTo(alice));
        HttpResponse<String> again = post("/api/bets/" + betId + "/withdraw", "", alice);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("reason").asString()).isEqualTo("BET_NOT_OPEN");
    }

    @Test
    void a_matching_offer_cannot_be_withdrawn() {
        String alice = aUser("alice");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);
        post("/api/bets/" + betId + "/accept", "", aUser("bob"));

        HttpResponse<String> withdrawal = post("/api/bets/" + betId + "/withdraw", "", alice);

        assertThat(withdrawal.statusCode()).isEqualTo(409);
        assertThat(bet(betId).path("status").asString()).isEqualTo("matching");
    }

    @Test
    void offers_still_open_when_the_game_starts_expire_and_matched_ones_stay() {
        String game = aScheduledGame();
        String open = anOpenOffer(aUser("alice"), game, 1_000);
        String matched = aMatchedBet(aUser("carol"), aUser("dave"), game, 1_000);

        startGame(game);

        awaitStatus(open, "expired");
        List<Object> events = betEvents(open, 3);
        assertThat(events.get(2)).isInstanceOfSatisfying(BetExpired.class, e -> {
            assertThat(e.getGameId()).isEqualTo(game);
            assertThat(e.getGameCancelled()).isFalse();
        });
        assertThat(bet(matched).path("status").asString()).isEqualTo("matched");
        assertThat(recordsUnder(Topics.BET_EVENTS, matched, 4)).hasSize(4);
    }

    @Test
    void offers_still_open_when_the_game_is_cancelled_expire_as_cancelled_and_the_others_wait_for_settlement() {
        String game = aScheduledGame();
        String open = anOpenOffer(aUser("alice"), game, 1_000);
        String matched = aMatchedBet(aUser("carol"), aUser("dave"), game, 1_000);
        String matching = anOpenOffer(aUser("erin"), game, 1_000);
        String frank = aUser("frank");
        post("/api/bets/" + matching + "/accept", "", frank);

        publish(gameCancelled(game));

        awaitStatus(open, "expired");
        assertThat(betEvents(open, 3).get(2)).isInstanceOfSatisfying(BetExpired.class, e -> {
            assertThat(e.getGameId()).isEqualTo(game);
            assertThat(e.getGameCancelled()).isTrue();
        });
        assertThat(bet(matched).path("status").asString()).isEqualTo("matched");
        assertThat(bet(matching).path("status").asString()).as("its acceptor's escrow decides").isEqualTo("matching");

        publish(OtherServices.escrowConfirmed(matching, matching + ":escrow-acceptor:1", frank, 1_000, 9));
        awaitStatus(matching, "matched");
    }

    private void assertRefused(String userId, String body, int status, String reason) {
        HttpResponse<String> response = post("/api/bets", body, userId);
        assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("reason").asString()).as(body).isEqualTo(reason);
    }

    private static String winner(String side) {
        return "{\"type\":\"GAME_WINNER\",\"side\":\"" + side + "\"}";
    }

    private static String playerStat(String player, String stat, long lineTenths) {
        return "{\"type\":\"PLAYER_STAT\",\"side\":\"OVER\",\"playerId\":\"" + player + "\",\"stat\":\"" + stat
                + "\",\"lineTenths\":" + lineTenths + "}";
    }
}
