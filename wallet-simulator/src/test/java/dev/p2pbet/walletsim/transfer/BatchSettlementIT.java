package dev.p2pbet.walletsim.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.SimulatorClient.Response;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Many transfers on the same vault and sponsor, settled several per transaction: every cent moves once. */
@WalletSimulatorIT
class BatchSettlementIT {

    private static final int USERS = 4;
    private static final int STAKES_PER_USER = 40;
    private static final long STAKE = 100;
    private static final int PAYOUTS = 30;
    private static final long PAYOUT = 70;

    @LocalServerPort
    int port;

    SimulatorClient wallet;

    @BeforeEach
    void connect() {
        wallet = SimulatorClient.on(port);
    }

    @Test
    void transfers_due_together_settle_together_and_move_every_cent_exactly_once() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(wallet.anAccountWith(STAKES_PER_USER * STAKE));
        }
        String winner = wallet.anAccountWith(0);
        long vault = wallet.balanceMinor("ESCROW_VAULT");
        long ops = wallet.balanceMinor("PLATFORM_OPS");
        long fees = wallet.balanceMinor("NETWORK_FEES");

        List<Callable<Response>> stakes = new ArrayList<>();
        for (String user : users) {
            for (int i = 0; i < STAKES_PER_USER; i++) {
                stakes.add(() -> wallet.transfer(key(), user, "ESCROW_VAULT", STAKE));
            }
        }
        List<JsonNode> staked = settled(submitAll(stakes));
        List<Callable<Response>> payouts = new ArrayList<>();
        for (int i = 0; i < PAYOUTS; i++) {
            payouts.add(() -> wallet.transfer(key(), "ESCROW_VAULT", winner, PAYOUT));
        }
        List<JsonNode> paid = settled(submitAll(payouts));

        List<JsonNode> all = new ArrayList<>(staked);
        all.addAll(paid);
        long gas = 0;
        for (JsonNode transfer : all) {
            assertThat(transfer.path("status").asString()).isEqualTo("confirmed");
            assertThat(transfer.path("sequence").asInt()).isEqualTo(2);
            assertThat(wallet.webhookDeliveries(transfer.path("id").asString())).hasSize(1);
            gas += transfer.path("gas_used_minor").asLong();
        }
        assertThat(all.stream().map(t -> t.path("settled_at").asString()).distinct().count())
                .as("settlement transactions (transfers of one transaction share its settled_at)")
                .isLessThan(all.size());
        for (String user : users) {
            assertThat(wallet.balanceOf(user).path("balance_minor").asLong()).isZero();
            assertThat(wallet.balanceOf(user).path("reserved_minor").asLong()).isZero();
        }
        assertThat(wallet.balanceMinor(winner)).isEqualTo(PAYOUTS * PAYOUT);
        assertThat(wallet.balanceMinor("ESCROW_VAULT")).isEqualTo(vault + USERS * STAKES_PER_USER * STAKE - PAYOUTS * PAYOUT);
        assertThat(wallet.balanceOf("ESCROW_VAULT").path("reserved_minor").asLong()).isZero();
        assertThat(wallet.balanceMinor("PLATFORM_OPS")).isEqualTo(ops - gas);
        assertThat(wallet.balanceOf("PLATFORM_OPS").path("reserved_minor").asLong()).isZero();
        assertThat(wallet.balanceMinor("NETWORK_FEES")).isEqualTo(fees + gas);
    }

    /** Submits concurrently, so that many transfers fall due within one poll of the settler; all must be accepted. */
    private static List<String> submitAll(List<Callable<Response>> submissions) throws InterruptedException, ExecutionException {
        List<String> ids = new ArrayList<>();
        try (ExecutorService submitters = Executors.newFixedThreadPool(8)) {
            for (Future<Response> submitted : submitters.invokeAll(submissions)) {
                Response response = submitted.get();
                assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
                ids.add(response.body().path("id").asString());
            }
        }
        return ids;
    }

    private List<JsonNode> settled(List<String> ids) {
        return ids.stream().map(wallet::awaitSettled).toList();
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
