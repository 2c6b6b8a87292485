package dev.p2pbet.walletsim.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.testinfra.WithRealInfrastructure;
import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import dev.p2pbet.walletsim.support.WebhookReceiver;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A transfer due at once is settled, and its webhook sent, when the work is committed, not at the pollers' next
 * look. Both pollers look only every ten minutes here, and once at start; the database is this test's own, so the
 * short-polling simulator of the other tests (its context stays cached) cannot do the work instead.
 */
@WalletSimulatorIT
@WithRealInfrastructure(database = "wallet_simulator_wake_ups")
@TestPropertySource(properties = {
        "wallet-simulator.transfers.confirmation-delay=0ms",
        "wallet-simulator.transfers.poll-interval=10m",
        "wallet-simulator.webhook.poll-interval=10m"})
class WakeUpIT {

    private static final Duration POLL_INTERVAL = Duration.ofMinutes(10);

    @LocalServerPort
    int port;

    @Autowired
    WalletSimulatorProperties properties;

    SimulatorClient wallet;

    @BeforeEach
    void connect() {
        wallet = SimulatorClient.on(port);
        assertThat(properties.transfers().pollInterval()).as("the transfer settler's poll interval").isEqualTo(POLL_INTERVAL);
        assertThat(properties.webhook().pollInterval()).as("the webhook dispatcher's poll interval").isEqualTo(POLL_INTERVAL);
    }

    @Test
    void a_transfer_due_at_once_is_settled_and_announced_without_waiting_for_a_poll() {
        String alice = wallet.anAccountWith(1_000);

        String id = wallet.transfer("wake-" + UUID.randomUUID(), alice, "ESCROW_VAULT", 250).body().path("id").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> !WebhookReceiver.instance().deliveriesFor(id).isEmpty());
        assertThat(wallet.get("/transfers/" + id).body().path("status").asString()).isEqualTo("confirmed");
    }
}
