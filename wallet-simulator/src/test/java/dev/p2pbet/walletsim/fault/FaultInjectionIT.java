package dev.p2pbet.walletsim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.SimulatorClient.Response;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WalletSimulatorIT
class FaultInjectionIT {

    @LocalServerPort
    int port;

    SimulatorClient wallet;

    @BeforeEach
    void connect() {
        wallet = SimulatorClient.on(port);
    }

    @AfterEach
    void noMoreFaults() {
        wallet.resetFaults();
    }

    @Test
    void a_5xx_before_commit_stores_nothing_and_a_retry_with_the_same_key_goes_through() {
        String alice = wallet.anAccountWith(1_000);
        String key = "outage-" + UUID.randomUUID();
        wallet.setFaults(Map.of("post_transfer_error_rate", 1.0, "error_after_commit_share", 0.0));

        Response outage = wallet.transfer(key, alice, "ESCROW_VAULT", 300);

        assertThat(outage.status()).isEqualTo(503);
        assertThat(outage.contentType()).startsWith("application/problem+json");
        assertThat(outage.code()).isEqualTo("service_unavailable");
        assertThat(wallet.get("/transfers?idempotencyKey=" + key).status()).isEqualTo(404);
        wallet.resetFaults();
        Response retry = wallet.transfer(key, alice, "ESCROW_VAULT", 300);
        assertThat(retry.status()).isEqualTo(202);
        wallet.awaitSettled(retry.body().path("id").asString());
        assertThat(wallet.balanceMinor(alice)).isEqualTo(700);
    }

    @Test
    void a_5xx_after_commit_keeps_the_transfer_and_a_retry_with_the_same_key_finds_it_so_money_moves_once() {
        String alice = wallet.anAccountWith(1_000);
        String key = "timeout-" + UUID.randomUUID();
        wallet.setFaults(Map.of("post_transfer_error_rate", 1.0, "error_after_commit_share", 1.0));

        Response outage = wallet.transfer(key, alice, "ESCROW_VAULT", 300);
        wallet.resetFaults();
        Response retry = wallet.transfer(key, alice, "ESCROW_VAULT", 300);

        assertThat(outage.status()).isEqualTo(503);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(wallet.get("/transfers?idempotencyKey=" + key).body().path("id").asString())
                .isEqualTo(retry.body().path("id").asString());
        wallet.awaitSettled(retry.body().path("id").asString());
        assertThat(wallet.balanceMinor(alice)).isEqualTo(700);
    }

    @Test
    void slow_responses_take_at_least_the_configured_delay() {
        wallet.setFaults(Map.of("slow_response_rate", 1.0, "slow_response_delay_ms", 400));

        long started = System.nanoTime();
        Response balance = wallet.get("/accounts/ESCROW_VAULT/balance");

        assertThat(balance.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void faults_switched_on_at_runtime_are_reported_and_reset_to_the_configuration() {
        wallet.setFaults(Map.of("webhook_drop_rate", 0.25, "seed", 1234));

        JsonNode faults = wallet.sandbox("GET", "/sandbox/faults", null).body();
        assertThat(faults.path("webhook_drop_rate").asDouble()).isEqualTo(0.25);
        assertThat(faults.path("seed").asLong()).isEqualTo(1234);

        wallet.resetFaults();
        assertThat(wallet.sandbox("GET", "/sandbox/faults", null).body().path("webhook_drop_rate").asDouble()).isZero();
    }

    @Test
    void a_rate_outside_zero_to_one_is_refused() {
        Response refused = wallet.sandbox("PUT", "/sandbox/faults", Map.of("webhook_drop_rate", 1.5));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}
