package dev.p2pbet.bet.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.bet.BetIT;
import dev.p2pbet.bet.OtherServices;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LobbyIT extends BetIT {

    @Test
    void the_lobby_pages_through_the_open_offers_of_a_game_newest_first() {
        String game = aScheduledGame();
        List<String> offers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            offers.add(anOpenOffer(aUser("maker" + i), game, 1_000 + i));
        }
        createOffer(aUser("pending"), game, 1_000);

        JsonNode first = json(get("/api/bets?gameId=" + game + "&limit=2", "reader"));
        JsonNode second = json(get("/api/bets?gameId=" + game + "&limit=2&cursor=" + first.path("nextCursor").asString(),
                "reader"));
        JsonNode third = json(get("/api/bets?gameId=" + game + "&limit=2&cursor=" + second.path("nextCursor").asString(),
                "reader"));

        List<String> seen = new ArrayList<>();
        Stream.of(first, second, third).forEach(page ->
                page.path("items").values().forEach(item -> seen.add(item.path("betId").asString())));
        assertThat(seen).containsExactlyElementsOf(offers.reversed());
        assertThat(third.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void the_lobby_filters_by_type_and_stake() {
        String game = aScheduledGame();
        String small = anOpenOffer(aUser("a"), game, 500);
        String big = anOpenOffer(aUser("b"), game, 5_000);

        JsonNode bigOnes = json(get("/api/bets?gameId=" + game + "&minStake=1000", "reader"));
        JsonNode smallOnes = json(get("/api/bets?gameId=" + game + "&type=GAME_WINNER&maxStake=1000", "reader"));
        JsonNode totals = json(get("/api/bets?gameId=" + game + "&type=TOTAL_POINTS", "reader"));

        assertThat(bigOnes.path("items").values()).extracting(i -> i.path("betId").asString()).containsExactly(big);
        assertThat(smallOnes.path("items").values()).extracting(i -> i.path("betId").asString()).containsExactly(small);
        assertThat(totals.path("items").size()).isZero();
    }

    @Test
    void refuses_a_bad_lobby_query() {
        assertThat(json(get("/api/bets?status=lucky", "reader")).path("reason").asString()).isEqualTo("INVALID_STATUS");
        assertThat(json(get("/api/bets?cursor=xyz", "reader")).path("reason").asString()).isEqualTo("INVALID_CURSOR");
        assertThat(json(get("/api/bets?limit=0", "reader")).path("reason").asString()).isEqualTo("INVALID_LIMIT");
        assertThat(get("/api/bets?type=CORNERS", "reader").statusCode()).isEqualTo(400);
    }

    @Test
    void my_bets_are_those_i_created_or_accepted() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String game = aScheduledGame();
        String mine = createOffer(alice, game, 1_000);
        String accepted = aMatchedBet(bob, alice, game, 1_000);
        createOffer(bob, game, 1_000);

        JsonNode history = json(get("/api/users/me/bets", alice));

        assertThat(history.path("items").values()).extracting(i -> i.path("betId").asString())
                .containsExactly(accepted, mine);
    }

    @Test
    void counts_offers_accepts_matches_rejections_and_time_to_open() {
        String game = aScheduledGame();
        String betId = aMatchedBet(aUser("alice"), aUser("bob"), game, 1_000);
        post("/api/bets/" + betId + "/accept", "", aUser("late"));
        String carol = aUser("carol");
        String broke = createOffer(carol, game, 1_000);
        publish(OtherServices.escrowFailed(broke, broke + ":escrow-creator", carol, 1_000,
                TransferFailureReason.WALLET_NOT_LINKED));
        awaitStatus(broke, "rejected");

        String metrics = get("/actuator/prometheus", null).body();

        assertThat(metrics).containsPattern("betting_bets_offered_total\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("betting_bets_accepted_total\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("betting_bets_matched_total\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("betting_bet_time_to_open_seconds_count\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("betting_bets_accept_refused_total\\{[^}]*reason=\"BET_NOT_OPEN\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("betting_bets_rejected_total\\{[^}]*reason=\"WALLET_NOT_LINKED\"[^}]*} [1-9]");
    }

    @Test
    void the_stream_pushes_my_bet_changes_and_the_lobby() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                request("/api/bets/stream", bob).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).join();
        Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        try {
            await().atMost(WAIT).until(() -> lines.contains("event:subscribed"));

            String betId = anOpenOffer(alice, aScheduledGame(), 1_000);
            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(betId)
                    && l.contains("\"open\"")));
            assertThat(lines).contains("event:lobby");

            post("/api/bets/" + betId + "/accept", "", bob);
            await().atMost(WAIT).until(() -> lines.contains("event:bet"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(betId).contains("\"matching\""));
        } finally {
            stream.body().close();
        }
    }

    @Test
    void a_stream_opened_without_the_lobby_pushes_only_my_bet_changes() {
        String alice = aUser("alice");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                request("/api/bets/stream?lobby=false", alice).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).join();
        Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        try {
            await().atMost(WAIT).until(() -> lines.contains("event:subscribed"));
            String someoneElses = anOpenOffer(aUser("carol"), aScheduledGame(), 1_000);

            String mine = anOpenOffer(alice, aScheduledGame(), 1_000);

            await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(mine)
                    && l.contains("\"open\"")));
            assertThat(lines).doesNotContain("event:lobby");
            assertThat(lines).noneSatisfy(l -> assertThat(l).contains(someoneElses));
        } finally {
            stream.body().close();
        }
    }
}
