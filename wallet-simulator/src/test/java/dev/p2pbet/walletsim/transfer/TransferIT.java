package dev.p2pbet.walletsim.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.SimulatorClient.Response;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WalletSimulatorIT
class TransferIT {

    @LocalServerPort
    int port;

    SimulatorClient wallet;

    @BeforeEach
    void connect() {
        wallet = SimulatorClient.on(port);
    }

    @Test
    void a_transfer_is_accepted_pending_and_confirmed_after_the_delay_with_the_gas_paid_by_ops_to_network_fees() {
        String alice = wallet.anAccountWith(10_000);
        long vault = wallet.balanceMinor("ESCROW_VAULT");
        long ops = wallet.balanceMinor("PLATFORM_OPS");
        long fees = wallet.balanceMinor("NETWORK_FEES");

        Response accepted = wallet.transfer(key(), alice, "ESCROW_VAULT", 5_000);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/transfers/" + accepted.body().path("id").asString());
        assertThat(accepted.body().path("status").asString()).isEqualTo("pending");
        assertThat(accepted.body().path("sequence").asInt()).isEqualTo(1);
        assertThat(accepted.body().path("amount_minor").asLong()).isEqualTo(5_000);
        assertThat(accepted.body().path("currency").asString()).isEqualTo("USD");
        assertThat(accepted.body().path("gas_sponsor").asString()).isEqualTo("PLATFORM_OPS");
        assertThat(wallet.balanceOf(alice).path("available_minor").asLong()).isEqualTo(5_000);

        JsonNode confirmed = wallet.awaitSettled(accepted.body().path("id").asString());

        assertThat(confirmed.path("status").asString()).isEqualTo("confirmed");
        assertThat(confirmed.path("sequence").asInt()).isEqualTo(2);
        assertThat(Duration.between(Instant.parse(confirmed.path("created_at").asString()),
                Instant.parse(confirmed.path("settled_at").asString())))
                .isGreaterThanOrEqualTo(Duration.ofMillis(SimulatorClient.CONFIRMATION_DELAY_MS));
        long gas = confirmed.path("gas_used_minor").asLong();
        assertThat(gas).isPositive().isLessThanOrEqualTo(confirmed.path("gas_limit_minor").asLong());
        assertThat(wallet.balanceMinor(alice)).isEqualTo(5_000);
        assertThat(wallet.balanceOf(alice).path("reserved_minor").asLong()).isZero();
        assertThat(wallet.balanceMinor("ESCROW_VAULT")).isEqualTo(vault + 5_000);
        assertThat(wallet.balanceMinor("PLATFORM_OPS")).isEqualTo(ops - gas);
        assertThat(wallet.balanceMinor("NETWORK_FEES")).isEqualTo(fees + gas);
    }

    @Test
    void the_quote_estimates_the_gas_and_the_confirmed_gas_stays_within_its_limit() {
        String alice = wallet.anAccountWith(1_000_000);

        JsonNode quote = wallet.get("/transfers/quote?from=" + alice + "&to=ESCROW_VAULT&amount=1000000&currency=USD").body();

        assertThat(quote.path("gas_estimate_minor").asLong()).isEqualTo(25 + 1_000);
        assertThat(quote.path("gas_limit_minor").asLong()).isEqualTo(1_025 + 102);
        assertThat(quote.path("gas_sponsor").asString()).isEqualTo("PLATFORM_OPS");
        String id = wallet.transfer(key(), alice, "ESCROW_VAULT", 1_000_000).body().path("id").asString();
        assertThat(wallet.awaitSettled(id).path("gas_used_minor").asLong()).isBetween(1_025L - 102, 1_025L + 102);
    }

    @Test
    void a_transfer_beyond_the_available_balance_is_refused_with_insufficient_funds_and_nothing_is_stored() {
        String alice = wallet.anAccountWith(100);
        String key = key();

        Response refused = wallet.transfer(key, alice, "ESCROW_VAULT", 101);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("insufficient_funds");
        assertThat(refused.body().path("available_minor").asLong()).isEqualTo(100);
        assertThat(wallet.get("/transfers?idempotencyKey=" + key).status()).isEqualTo(404);
        assertThat(wallet.balanceOf(alice).path("available_minor").asLong()).isEqualTo(100);
    }

    @Test
    void money_held_by_a_pending_transfer_cannot_be_spent_again() {
        String alice = wallet.anAccountWith(100);
        String first = wallet.transfer(key(), alice, "ESCROW_VAULT", 80).body().path("id").asString();

        Response second = wallet.transfer(key(), alice, "ESCROW_VAULT", 80);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("insufficient_funds");
        wallet.awaitSettled(first);
        assertThat(wallet.balanceMinor(alice)).isEqualTo(20);
    }

    @Test
    void an_unknown_account_is_a_404_problem() {
        Response transfer = wallet.transfer(key(), "nobody-" + UUID.randomUUID(), "ESCROW_VAULT", 1);
        Response balance = wallet.get("/accounts/nobody/balance");

        assertThat(transfer.status()).isEqualTo(404);
        assertThat(transfer.code()).isEqualTo("account_not_found");
        assertThat(balance.status()).isEqualTo(404);
        assertThat(balance.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_transfer_between_the_same_account_or_without_an_idempotency_key_is_refused() {
        String alice = wallet.anAccountWith(0);

        assertThat(wallet.transfer(key(), alice, alice, 1).status()).isEqualTo(422);
        Response noKey = wallet.send("POST", "/transfers", SimulatorClient.transferBody(alice, "ESCROW_VAULT", 1),
                java.util.Map.of("Authorization", "Bearer " + SimulatorClient.GATEWAY_KEY));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_balance_shows_settled_available_and_held_money() {
        String alice = wallet.anAccountWith(700);

        JsonNode balance = wallet.get("/accounts/" + alice + "/balance").body();

        assertThat(balance.path("account_id").asString()).isEqualTo(alice);
        assertThat(balance.path("balance_minor").asLong()).isEqualTo(700);
        assertThat(balance.path("available_minor").asLong()).isEqualTo(700);
        assertThat(balance.path("reserved_minor").asLong()).isZero();
        assertThat(balance.path("currency").asString()).isEqualTo("USD");
    }

    @Test
    void the_provider_api_wants_a_known_api_key() {
        Response anonymous = wallet.send("GET", "/accounts/ESCROW_VAULT/balance", null, java.util.Map.of());
        Response unknown = wallet.get("not-a-key", "/accounts/ESCROW_VAULT/balance");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthorized");
        assertThat(unknown.status()).isEqualTo(401);
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
