package dev.p2pbet.wallet.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.security.DevTokens;
import dev.p2pbet.wallet.support.SimulatorConnection;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.wallet.support.WalletSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OWASP API1 and API3 on the wallet API: a user only ever reaches their own wallet ({@code /api/wallets/me}, the
 * user is the token's subject; there is no path naming another user), and a body naming another user is ignored.
 */
@WalletGatewayIT
class WalletApiSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WalletSimulator simulator = WalletSimulator.shared();

    @Test
    void no_endpoint_reaches_another_users_wallet() throws Exception {
        String alice = UUID.randomUUID().toString();
        String mallory = UUID.randomUUID().toString();
        put(alice, "/api/wallets/me", "{\"address\":\"" + simulator.fundedAccount("addr-" + alice, 700) + "\"}");

        List<HttpResponse<String>> attempts = List.of(
                get(mallory, "/api/wallets/" + alice),
                get(mallory, "/api/wallets/" + alice + "/balance"),
                put(mallory, "/api/wallets/" + alice, "{\"address\":\"addr-" + mallory + "\"}"),
                get(mallory, "/api/wallets?userId=" + alice));

        assertThat(attempts).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isIn(404, 405);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("addr-" + alice);
        });
        assertHasNoLinkedAddress(get(mallory, "/api/wallets/me"));
    }

    @Test
    void linking_ignores_a_body_that_names_another_user() throws Exception {
        String alice = UUID.randomUUID().toString();
        String victim = UUID.randomUUID().toString();
        String address = simulator.fundedAccount("addr-" + alice, 300);

        HttpResponse<String> linked = put(alice, "/api/wallets/me",
                "{\"address\":\"" + address + "\",\"userId\":\"" + victim + "\",\"balance\":{\"amountMinor\":999999}}");

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        JsonNode wallet = JSON.readTree(linked.body());
        assertThat(wallet.path("userId").asString()).isEqualTo(alice);
        assertThat(wallet.path("balance").path("amountMinor").asLong()).isEqualTo(300);
        assertHasNoLinkedAddress(get(victim, "/api/wallets/me"));
    }

    /** The caller's own wallet: none yet (404 NO_WALLET) or one without an address. */
    private static void assertHasNoLinkedAddress(HttpResponse<String> own) {
        JsonNode body = JSON.readTree(own.body());
        if (own.statusCode() == 404) {
            assertThat(body.path("reason").asString()).isEqualTo("NO_WALLET");
        } else {
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(body.path("address").isMissingNode() || body.path("address").isNull()).isTrue();
        }
    }

    private HttpResponse<String> put(String user, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user) {
        return DevTokens.mint(user, SimulatorConnection.SIGNING_SECRET, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + simulator.gatewayPort() + path);
    }
}
