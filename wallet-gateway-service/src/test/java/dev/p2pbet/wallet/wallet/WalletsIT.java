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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WalletGatewayIT
class WalletsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WalletSimulator simulator = WalletSimulator.shared();

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_cognito_hook_creates_the_users_wallet_once_and_answers_with_the_event() throws Exception {
        String sub = UUID.randomUUID().toString();
        String event = cognitoEvent(sub);

        HttpResponse<String> first = hook(event, SimulatorConnection.HOOK_KEY);
        HttpResponse<String> again = hook(event, SimulatorConnection.HOOK_KEY);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("request").path("userAttributes").path("sub").asString()).isEqualTo(sub);
        assertThat(jdbc.sql("SELECT count(*) FROM wallets WHERE user_id = ?").param(sub).query(Long.class).single()).isOne();
    }

    @Test
    void the_cognito_hook_refuses_a_caller_without_the_hook_key() throws Exception {
        String sub = UUID.randomUUID().toString();

        assertThat(hook(cognitoEvent(sub), null).statusCode()).isEqualTo(401);
        assertThat(hook(cognitoEvent(sub), "wrong-key").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM wallets WHERE user_id = ?").param(sub).query(Long.class).single()).isZero();
    }

    @Test
    void a_user_links_a_provider_account_and_sees_its_balance() throws Exception {
        String user = UUID.randomUUID().toString();
        String address = simulator.fundedAccount("addr-" + user, 2_500);

        HttpResponse<String> linked = put(user, "{\"address\":\"" + address + "\"}");
        HttpResponse<String> me = get(user);

        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode wallet = JSON.readTree(me.body());
        assertThat(wallet.path("address").asString()).isEqualTo(address);
        assertThat(wallet.path("balance").path("amountMinor").asLong()).isEqualTo(2_500);
        assertThat(wallet.path("balance").path("currency").asString()).isEqualTo("USD");
    }

    @Test
    void an_address_that_is_malformed_a_platform_account_or_unknown_to_the_provider_is_refused() throws Exception {
        String user = UUID.randomUUID().toString();

        assertThat(reason(put(user, "{\"address\":\"no spaces please\"}"))).isEqualTo("INVALID_ADDRESS");
        assertThat(reason(put(user, "{\"address\":\"ESCROW_VAULT\"}"))).isEqualTo("INVALID_ADDRESS");
        assertThat(reason(put(user, "{\"address\":\"nobody-" + user + "\"}"))).isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(put(user, "{\"address\":\"ESCROW_VAULT\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void an_address_linked_to_one_user_cannot_be_linked_by_another() throws Exception {
        String address = simulator.fundedAccount("shared-" + UUID.randomUUID(), 0);
        put(UUID.randomUUID().toString(), "{\"address\":\"" + address + "\"}");

        HttpResponse<String> second = put(UUID.randomUUID().toString(), "{\"address\":\"" + address + "\"}");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(reason(second)).isEqualTo("ADDRESS_TAKEN");
    }

    @Test
    void the_wallet_api_needs_a_token() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/api/wallets/me")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> hook(String event, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/hooks/cognito/post-confirmation"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event));
        if (key != null) {
            request.header("X-Hook-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String user, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url("/api/wallets/me"))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url("/api/wallets/me"))
                .header("Authorization", "Bearer " + token(user)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String reason(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("reason").asString();
    }

    private String token(String user) {
        return DevTokens.mint(user, SimulatorConnection.SIGNING_SECRET, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + simulator.gatewayPort() + path);
    }

    private static String cognitoEvent(String sub) {
        return """
                {"version":"1","region":"eu-west-1","userPoolId":"eu-west-1_test","userName":"%s",
                 "triggerSource":"PostConfirmation_ConfirmSignUp",
                 "callerContext":{"awsSdkVersion":"aws-sdk-js-3","clientId":"client"},
                 "request":{"userAttributes":{"sub":"%s","email":"someone@example.com","email_verified":"true"}},
                 "response":{}}""".formatted(sub, sub);
    }
}
