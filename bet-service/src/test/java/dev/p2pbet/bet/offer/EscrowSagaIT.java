package dev.p2pbet.bet.offer;

import static dev.p2pbet.bet.OtherServices.escrowConfirmed;
import static dev.p2pbet.bet.OtherServices.escrowFailed;
import static dev.p2pbet.bet.OtherServices.reissued;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.bet.BetIT;
import dev.p2pbet.schemas.bet.BetAcceptFailed;
import dev.p2pbet.schemas.bet.BetAcceptRequested;
import dev.p2pbet.schemas.bet.BetCreated;
import dev.p2pbet.schemas.bet.BetFailureReason;
import dev.p2pbet.schemas.bet.BetMatched;
import dev.p2pbet.schemas.bet.BetOpened;
import dev.p2pbet.schemas.bet.BetRejected;
import dev.p2pbet.schemas.bet.SelectionSide;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.EscrowInRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EscrowSagaIT extends BetIT {

    @Test
    void an_offer_commands_the_creators_escrow_and_opens_once_it_is_confirmed() {
        String alice = aUser("alice");
        String game = aScheduledGame();

        HttpResponse<String> created = post("/api/bets",
                offer(game, "{\"type\":\"TOTAL_POINTS\",\"side\":\"OVER\",\"lineTenths\":2155}", 1_000), alice);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        JsonNode bet = json(created);
        String betId = bet.path("betId").asString();
        assertThat(bet.path("status").asString()).isEqualTo("escrow_pending");
        assertThat(created.headers().firstValue("Location")).contains("/api/bets/" + betId);
        List<TransferCommand> commands = recordsUnder(Topics.WALLET_TRANSFER_COMMANDS, betId + ":escrow-creator", 1);
        assertThat(commands).singleElement().satisfies(command -> {
            EscrowInRequested escrow = (EscrowInRequested) command.getPayload();
            assertThat(escrow.getUserId()).isEqualTo(alice);
            assertThat(escrow.getBetId()).isEqualTo(betId);
            assertThat(escrow.getStake().getAmountMinor()).isEqualTo(1_000);
            assertThat(escrow.getStake().getCurrency()).isEqualTo("USD");
        });

        publish(escrowConfirmed(betId, betId + ":escrow-creator", alice, 1_000, 12));

        assertThat(awaitStatus(betId, "open").path("creatorId").asString()).isEqualTo(alice);
        List<Object> events = betEvents(betId, 2);
        assertThat(events).hasSize(2);
        BetCreated createdEvent = (BetCreated) events.get(0);
        assertThat(createdEvent.getSelection().getLineTenths()).isEqualTo(2155L);
        assertThat(createdEvent.getSelection().getSide()).isEqualTo(SelectionSide.OVER);
        assertThat(createdEvent.getEscrowTransferId()).isEqualTo(betId + ":escrow-creator");
        assertThat(((BetOpened) events.get(1)).getEscrowGasUsed().getAmountMinor()).isEqualTo(12);
    }

    @Test
    void the_whole_saga_matches_a_bet_once_both_stakes_are_in_escrow() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String game = aScheduledGame();
        String betId = anOpenOffer(alice, game, 2_500);

        HttpResponse<String> accepted = post("/api/bets/" + betId + "/accept", "", bob);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted).path("status").asString()).isEqualTo("matching");
        assertThat(json(accepted).path("pendingAcceptorId").asString()).isEqualTo(bob);
        List<TransferCommand> commands = recordsUnder(Topics.WALLET_TRANSFER_COMMANDS, betId + ":escrow-acceptor:1", 1);
        assertThat(commands).singleElement().satisfies(command ->
                assertThat(((EscrowInRequested) command.getPayload()).getUserId()).isEqualTo(bob));

        publish(escrowConfirmed(betId, betId + ":escrow-acceptor:1", bob, 2_500, 9));

        JsonNode matched = awaitStatus(betId, "matched");
        assertThat(matched.path("acceptorId").asString()).isEqualTo(bob);
        assertThat(matched.path("acceptorSide").asString()).isEqualTo("AWAY");
        List<Object> events = betEvents(betId, 4);
        assertThat(events).hasExactlyElementsOfTypes(BetCreated.class, BetOpened.class, BetAcceptRequested.class,
                BetMatched.class);
        assertThat(((BetMatched) events.get(3)).getEscrowTransferId()).isEqualTo(betId + ":escrow-acceptor:1");
    }

    @Test
    void a_failed_creator_escrow_rejects_the_offer_with_its_reason() {
        String alice = aUser("alice");
        String betId = createOffer(alice, aScheduledGame(), 1_000);

        publish(escrowFailed(betId, betId + ":escrow-creator", alice, 1_000, TransferFailureReason.INSUFFICIENT_FUNDS));

        JsonNode rejected = awaitStatus(betId, "rejected");
        assertThat(rejected.path("statusReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        List<Object> events = betEvents(betId, 2);
        assertThat(events.get(1)).isInstanceOfSatisfying(BetRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(BetFailureReason.INSUFFICIENT_FUNDS));
        assertThat(post("/api/bets/" + betId + "/accept", "", aUser("bob")).statusCode()).isEqualTo(409);
    }

    @Test
    void a_failed_acceptor_escrow_opens_the_offer_again_for_the_next_acceptor() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String carol = aUser("carol");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);
        assertThat(post("/api/bets/" + betId + "/accept", "", bob).statusCode()).isEqualTo(202);

        publish(escrowFailed(betId, betId + ":escrow-acceptor:1", bob, 1_000, TransferFailureReason.INSUFFICIENT_FUNDS));

        JsonNode reopened = awaitStatus(betId, "open");
        assertThat(reopened.has("pendingAcceptorId")).isFalse();
        HttpResponse<String> second = post("/api/bets/" + betId + "/accept", "", carol);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        assertThat(recordsUnder(Topics.WALLET_TRANSFER_COMMANDS, betId + ":escrow-acceptor:2", 1)).hasSize(1);
        publish(escrowConfirmed(betId, betId + ":escrow-acceptor:2", carol, 1_000, 9));
        assertThat(awaitStatus(betId, "matched").path("acceptorId").asString()).isEqualTo(carol);
        List<Object> events = betEvents(betId, 6);
        assertThat(events.get(3)).isInstanceOfSatisfying(BetAcceptFailed.class, f -> {
            assertThat(f.getAcceptorId()).isEqualTo(bob);
            assertThat(f.getAttempt()).isEqualTo(1);
        });
    }

    @Test
    void of_fifty_concurrent_acceptances_exactly_one_wins_and_commands_one_escrow() throws Exception {
        String betId = anOpenOffer(aUser("alice"), aScheduledGame(), 1_000);
        List<Callable<HttpResponse<String>>> accepts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String user = aUser("racer" + i);
            accepts.add(() -> post("/api/bets/" + betId + "/accept", "", user));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpResponse<String>> response : pool.invokeAll(accepts)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(49)
                .allSatisfy(r -> assertThat(json(r).path("reason").asString()).isEqualTo("BET_NOT_OPEN"));
        String winner = json(responses.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow())
                .path("pendingAcceptorId").asString();
        List<TransferCommand> escrows = recordsWhere(Topics.WALLET_TRANSFER_COMMANDS,
                key -> key.startsWith(betId + ":escrow-acceptor:"), 1);
        assertThat(escrows).singleElement().satisfies(command ->
                assertThat(((EscrowInRequested) command.getPayload()).getUserId()).isEqualTo(winner));
        assertThat(bet(betId).path("pendingAcceptorId").asString()).isEqualTo(winner);
    }

    @Test
    void the_same_idempotency_key_creates_one_bet() throws Exception {
        String alice = aUser("alice");
        String game = aScheduledGame();
        String body = homeWinOffer(game, 1_000);
        List<Callable<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clicks.add(() -> post("/api/bets", body, alice, "click-1"));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpResponse<String>> response : pool.invokeAll(clicks)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(202));
        assertThat(responses.stream().map(r -> json(r).path("betId").asString()).distinct()).hasSize(1);
        assertThat(rowsOf(alice)).isEqualTo(1);
        String betId = json(responses.getFirst()).path("betId").asString();
        assertThat(recordsUnder(Topics.WALLET_TRANSFER_COMMANDS, betId + ":escrow-creator", 1)).hasSize(1);
    }

    @Test
    void an_idempotency_key_reused_for_another_offer_is_refused() {
        String alice = aUser("alice");
        String game = aScheduledGame();
        assertThat(post("/api/bets", homeWinOffer(game, 1_000), alice, "k").statusCode()).isEqualTo(202);

        HttpResponse<String> other = post("/api/bets", homeWinOffer(game, 2_000), alice, "k");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).path("reason").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(rowsOf(alice)).isEqualTo(1);
    }

    @Test
    void a_redelivered_or_reissued_confirmation_opens_the_offer_once() {
        String alice = aUser("alice");
        String betId = createOffer(alice, aScheduledGame(), 1_000);
        TransferEvent confirmed = escrowConfirmed(betId, betId + ":escrow-creator", alice, 1_000, 12);

        publish(confirmed);
        publish(confirmed);
        publish(reissued(confirmed));
        TransferEvent lateFailure = escrowFailed(betId, betId + ":escrow-creator", alice, 1_000,
                TransferFailureReason.OTHER);
        publish(lateFailure);

        awaitConsumed(lateFailure.getEventId());
        List<Object> events = betEvents(betId, 2);
        assertThat(events).hasExactlyElementsOfTypes(BetCreated.class, BetOpened.class);
        assertThat(bet(betId).path("status").asString()).isEqualTo("open");
    }

    @Test
    void a_creator_escrow_confirmed_after_the_game_started_ends_the_offer_at_once() {
        String alice = aUser("alice");
        String game = aScheduledGame();
        String betId = createOffer(alice, game, 1_000);
        startGame(game);

        publish(escrowConfirmed(betId, betId + ":escrow-creator", alice, 1_000, 12));

        awaitStatus(betId, "expired");
        assertThat(betEvents(betId, 3)).hasExactlyElementsOfTypes(BetCreated.class, BetOpened.class,
                dev.p2pbet.schemas.bet.BetExpired.class);
    }
}
