package dev.p2pbet.walletsim.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import dev.p2pbet.walletsim.support.WebhookReceiver;
import dev.p2pbet.walletsim.support.WebhookReceiver.Delivery;
import dev.p2pbet.walletsim.webhook.domain.WebhookSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WalletSimulatorIT
class WebhookIT {

    @LocalServerPort
    int port;

    SimulatorClient wallet;
    final WebhookReceiver receiver = WebhookReceiver.instance();

    @BeforeEach
    void connect() {
        wallet = SimulatorClient.on(port);
    }

    @AfterEach
    void noMoreFaults() {
        wallet.resetFaults();
    }

    @Test
    void a_confirmed_transfer_is_announced_by_a_webhook_signed_over_the_timestamp_and_the_raw_body() {
        String id = aConfirmedTransfer();

        Delivery delivery = awaitDeliveries(id, 1).getFirst();

        assertThat(delivery.body().path("type").asString()).isEqualTo("transfer.confirmed");
        assertThat(delivery.body().path("data").path("status").asString()).isEqualTo("confirmed");
        assertThat(delivery.body().path("data").path("sequence").asInt()).isEqualTo(2);
        assertThat(delivery.body().path("data").path("gas_used_minor").asLong()).isPositive();
        assertThat(delivery.header("X-Wallet-Event-Id")).isEqualTo(delivery.eventId());
        assertThat(Long.parseLong(delivery.header(WebhookSignature.TIMESTAMP_HEADER)))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(new WebhookSignature(WebhookReceiver.SECRET).verifies(delivery.header(WebhookSignature.TIMESTAMP_HEADER),
                delivery.header(WebhookSignature.SIGNATURE_HEADER), delivery.rawBody(), Instant.now(),
                WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
        assertThat(new WebhookSignature("a-wrong-secret").verifies(delivery.header(WebhookSignature.TIMESTAMP_HEADER),
                delivery.header(WebhookSignature.SIGNATURE_HEADER), delivery.rawBody(), Instant.now(),
                WebhookSignature.DEFAULT_TOLERANCE)).isFalse();
    }

    @Test
    void a_webhook_the_receiver_refuses_is_retried_with_backoff_until_it_is_accepted() {
        String alice = wallet.anAccountWith(1_000);
        receiver.failNextFrom(alice, 2);

        String id = transfer(alice, 250);

        Delivery delivery = awaitDeliveries(id, 1).getFirst();
        assertThat(delivery.header("X-Wallet-Delivery-Attempt")).isEqualTo("3");
        JsonNode recorded = wallet.webhookDeliveries(id).get(0);
        assertThat(recorded.path("status").asString()).isEqualTo("delivered");
        assertThat(recorded.path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void a_duplicated_webhook_arrives_twice_with_the_same_event_id() {
        wallet.setFaults(Map.of("webhook_duplicate_rate", 1.0));

        String id = aConfirmedTransfer();

        List<Delivery> deliveries = awaitDeliveries(id, 2);
        assertThat(deliveries).extracting(Delivery::eventId).containsOnly(deliveries.getFirst().eventId());
        assertThat(wallet.webhookDeliveries(id)).hasSize(2);
    }

    @Test
    void a_dropped_webhook_is_never_sent_but_the_transfer_is_confirmed_for_a_client_that_polls() {
        wallet.setFaults(Map.of("webhook_drop_rate", 1.0));

        String id = aConfirmedTransfer();

        JsonNode recorded = wallet.webhookDeliveries(id);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("status").asString()).isEqualTo("dropped");
        assertThat(recorded.get(0).path("type").asString()).isEqualTo("transfer.confirmed");
        assertThat(receiver.deliveriesFor(id)).isEmpty();
    }

    @Test
    void delayed_webhooks_still_all_arrive() {
        wallet.setFaults(Map.of("webhook_max_extra_delay_ms", 500, "webhook_duplicate_rate", 0.5, "seed", 7));
        String alice = wallet.anAccountWith(10_000);

        List<String> ids = List.of(transfer(alice, 100), transfer(alice, 200), transfer(alice, 300));

        ids.forEach(wallet::awaitSettled);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ids.forEach(id -> {
            assertThat(wallet.webhookDeliveries(id)).allSatisfy(
                    delivery -> assertThat(delivery.path("status").asString()).isEqualTo("delivered"));
            assertThat(receiver.deliveriesFor(id)).hasSize(wallet.webhookDeliveries(id).size());
        }));
    }

    @Test
    void a_transfer_the_network_rejects_fails_with_a_reason_releases_its_holds_and_moves_nothing() {
        wallet.setFaults(Map.of("transfer_failure_rate", 1.0));
        String alice = wallet.anAccountWith(1_000);
        long ops = wallet.balanceMinor("PLATFORM_OPS");

        String id = transfer(alice, 400);

        JsonNode failed = wallet.awaitSettled(id);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").asString()).isEqualTo("rejected_by_network");
        Delivery delivery = awaitDeliveries(id, 1).getFirst();
        assertThat(delivery.body().path("type").asString()).isEqualTo("transfer.failed");
        assertThat(delivery.body().path("data").path("failure_reason").asString()).isEqualTo("rejected_by_network");
        assertThat(wallet.balanceOf(alice).path("available_minor").asLong()).isEqualTo(1_000);
        assertThat(wallet.balanceMinor("PLATFORM_OPS")).isEqualTo(ops);
        assertThat(wallet.balanceOf("PLATFORM_OPS").path("reserved_minor").asLong()).isZero();
    }

    private String aConfirmedTransfer() {
        String alice = wallet.anAccountWith(1_000);
        String id = transfer(alice, 250);
        assertThat(wallet.awaitSettled(id).path("status").asString()).isEqualTo("confirmed");
        return id;
    }

    private String transfer(String from, long amount) {
        return wallet.transfer("hook-" + UUID.randomUUID(), from, "ESCROW_VAULT", amount).body().path("id").asString();
    }

    private List<Delivery> awaitDeliveries(String transferId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveriesFor(transferId).size() >= count);
        return receiver.deliveriesFor(transferId);
    }
}
