package dev.p2pbet.walletsim.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.SimulatorClient.Response;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WalletSimulatorIT
class SandboxIT {

    @LocalServerPort
    int port;

    SimulatorClient wallet;

    @BeforeEach
    void connect() {
        wallet = SimulatorClient.on(port);
    }

    @AfterEach
    void usualNetwork() {
        wallet.sandbox("DELETE", "/sandbox/network", null);
    }

    @Test
    void the_platform_accounts_exist_from_the_start_and_ops_holds_a_gas_float() {
        List<String> ids = new ArrayList<>();
        wallet.sandbox("GET", "/sandbox/balances", null).body().path("accounts")
                .forEach(account -> ids.add(account.path("account_id").asString()));

        assertThat(ids).contains("ESCROW_VAULT", "PLATFORM_OPS", "PLATFORM_REVENUE", "NETWORK_FEES");
        assertThat(wallet.balanceMinor("PLATFORM_OPS")).isPositive();
    }

    @Test
    void opening_an_account_twice_answers_the_same_account() {
        String id = "user-" + UUID.randomUUID();

        Response created = wallet.sandbox("POST", "/sandbox/accounts", Map.of("account_id", id));
        Response again = wallet.sandbox("POST", "/sandbox/accounts", Map.of("account_id", id));
        Response otherCurrency = wallet.sandbox("POST", "/sandbox/accounts", Map.of("account_id", id, "currency", "EUR"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(otherCurrency.status()).isEqualTo(409);
        assertThat(otherCurrency.code()).isEqualTo("account_exists");
    }

    @Test
    void a_deposit_is_the_one_thing_that_changes_the_total() {
        long before = wallet.totalMinor();

        wallet.anAccountWith(12_345);

        assertThat(wallet.totalMinor()).isEqualTo(before + 12_345);
    }

    @Test
    void the_network_can_be_made_expensive_for_a_run() {
        String alice = wallet.anAccountWith(10_000);
        wallet.sandbox("PUT", "/sandbox/network", Map.of("confirmation_delay_ms", 0, "gas_base_minor", 5_000,
                "gas_proportional_bps", 0, "gas_jitter_percent", 0));

        JsonNode quote = wallet.get("/transfers/quote?from=" + alice + "&to=ESCROW_VAULT&amount=100&currency=USD").body();
        String id = wallet.transfer("gas-" + UUID.randomUUID(), alice, "ESCROW_VAULT", 100).body().path("id").asString();

        assertThat(quote.path("gas_estimate_minor").asLong()).isEqualTo(5_000);
        assertThat(wallet.awaitSettled(id).path("gas_used_minor").asLong()).isEqualTo(5_000);
    }

    @Test
    void the_sandbox_wants_its_key() {
        Response anonymous = wallet.send("GET", "/sandbox/balances", null, Map.of());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void liveness_readiness_and_metrics_are_exposed() {
        String alice = wallet.anAccountWith(100);
        wallet.awaitSettled(wallet.transfer("metrics-" + UUID.randomUUID(), alice, "ESCROW_VAULT", 50)
                .body().path("id").asString());

        assertThat(wallet.send("GET", "/actuator/health/liveness", null, Map.of()).body().path("status").asString()).isEqualTo("UP");
        assertThat(wallet.send("GET", "/actuator/health/readiness", null, Map.of()).body().path("status").asString()).isEqualTo("UP");
        String prometheus = prometheus();
        assertThat(prometheus).contains("walletsim_transfers_total{outcome=\"accepted\"");
        assertThat(prometheus).contains("walletsim_transfers_total{outcome=\"confirmed\"");
    }

    private String prometheus() {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
