package dev.p2pbet.walletsim.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.SimulatorClient.Response;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@WalletSimulatorIT
class IdempotencyIT {

    @LocalServerPort
    int port;

    SimulatorClient wallet;

    @BeforeEach
    void connect() {
        wallet = SimulatorClient.on(port);
    }

    @Test
    void the_same_key_and_body_answer_the_same_transfer_and_move_the_money_once() {
        String alice = wallet.anAccountWith(1_000);
        String key = "bet-" + UUID.randomUUID() + ":escrow-creator";

        Response first = wallet.transfer(key, alice, "ESCROW_VAULT", 400);
        Response again = wallet.transfer(key, alice, "ESCROW_VAULT", 400);
        String id = first.body().path("id").asString();
        wallet.awaitSettled(id);
        Response afterConfirmation = wallet.transfer(key, alice, "ESCROW_VAULT", 400);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body().path("id").asString()).isEqualTo(id);
        assertThat(afterConfirmation.body().path("id").asString()).isEqualTo(id);
        assertThat(afterConfirmation.body().path("status").asString()).isEqualTo("confirmed");
        assertThat(wallet.balanceMinor(alice)).isEqualTo(600);
    }

    @Test
    void the_same_key_sent_concurrently_creates_one_transfer() throws Exception {
        String alice = wallet.anAccountWith(1_000);
        String key = "race-" + UUID.randomUUID();
        List<Callable<Response>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> wallet.transfer(key, alice, "ESCROW_VAULT", 300));
        }

        List<String> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Response> answer : pool.invokeAll(racers)) {
                ids.add(answer.get().body().path("id").asString());
            }
        }

        assertThat(ids).hasSize(8).containsOnly(ids.getFirst());
        wallet.awaitSettled(ids.getFirst());
        assertThat(wallet.balanceMinor(alice)).isEqualTo(700);
    }

    @Test
    void the_same_key_with_another_body_is_a_422_problem_and_changes_nothing() {
        String alice = wallet.anAccountWith(1_000);
        String key = "bet-" + UUID.randomUUID() + ":payout";
        String id = wallet.transfer(key, alice, "ESCROW_VAULT", 400).body().path("id").asString();

        Response reused = wallet.transfer(key, alice, "ESCROW_VAULT", 401);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(reused.body().path("transfer_id").asString()).isEqualTo(id);
        wallet.awaitSettled(id);
        assertThat(wallet.balanceMinor(alice)).isEqualTo(600);
    }

    @Test
    void a_client_that_lost_the_answer_finds_its_transfer_by_the_idempotency_key() {
        String alice = wallet.anAccountWith(1_000);
        String key = "lost-" + UUID.randomUUID();
        String id = wallet.transfer(key, alice, "ESCROW_VAULT", 100).body().path("id").asString();

        Response found = wallet.get("/transfers?idempotencyKey=" + key);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("id").asString()).isEqualTo(id);
        assertThat(found.body().path("idempotency_key").asString()).isEqualTo(key);
        assertThat(wallet.get("/transfers?idempotencyKey=never-" + key).status()).isEqualTo(404);
        wallet.awaitSettled(id);
    }

    @Test
    void idempotency_keys_and_transfers_belong_to_one_api_client() {
        String alice = wallet.anAccountWith(1_000);
        String key = "shared-" + UUID.randomUUID();
        String mine = wallet.transfer(key, alice, "ESCROW_VAULT", 100).body().path("id").asString();

        Response theirs = wallet.transfer(SimulatorClient.OTHER_CLIENT_KEY, key,
                SimulatorClient.transferBody(alice, "ESCROW_VAULT", 200));

        assertThat(theirs.status()).isEqualTo(202);
        assertThat(theirs.body().path("id").asString()).isNotEqualTo(mine);
        assertThat(wallet.get(SimulatorClient.OTHER_CLIENT_KEY, "/transfers/" + mine).status()).isEqualTo(404);
        wallet.awaitSettled(mine);
        await(theirs.body().path("id").asString());
        assertThat(wallet.balanceMinor(alice)).isEqualTo(700);
    }

    private void await(String otherClientsTransfer) {
        org.awaitility.Awaitility.await().until(() -> !wallet.get(SimulatorClient.OTHER_CLIENT_KEY,
                "/transfers/" + otherClientsTransfer).body().path("status").asString().equals("pending"));
    }
}
