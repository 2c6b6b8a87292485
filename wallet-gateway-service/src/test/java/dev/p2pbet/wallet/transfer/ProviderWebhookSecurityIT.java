package dev.p2pbet.wallet.transfer;

import static dev.p2pbet.wallet.support.TransferCommands.aBetId;
import static dev.p2pbet.wallet.support.Users.aUserWith;
import static dev.p2pbet.wallet.support.Users.walletOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.wallet.provider.domain.WebhookSignature;
import dev.p2pbet.wallet.support.TransferCommands;
import dev.p2pbet.wallet.support.TransferEventsRecorder;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.wallet.support.WalletSimulator;
import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API2/API8 on the provider webhook: only a fresh delivery signed with the shared secret counts (stale and
 * forged ones are in {@link ProviderWebhookIT}), and a captured delivery replayed byte for byte is acknowledged
 * without a second effect, while a delivery that was not applied can still be delivered again.
 */
@WalletGatewayIT
class ProviderWebhookSecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TransferCommands commands = new TransferCommands();
    private static final WebhookSignature PROVIDER =
            new WebhookSignature(WalletSimulator.WEBHOOK_SECRET, Duration.ofMinutes(5));
    private final WalletSimulator simulator = WalletSimulator.shared();
    private final TransferEventsRecorder events = TransferEventsRecorder.shared();

    @Autowired
    WalletRepository wallets;

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void an_exact_replay_of_a_genuine_delivery_is_acknowledged_without_a_second_effect() throws Exception {
        simulator.faults("{\"webhook_drop_rate\":1.0}");
        String alice = aUserWith(5_000, wallets);
        String betId = aBetId();
        commands.send(TransferCommands.escrowIn(betId, alice, 1_000));
        String transferId = TransferIds.escrowCreator(betId);
        JsonNode confirmed = await().atMost(WAIT).until(() -> simulator.transferByKey(transferId).orElse(null),
                transfer -> transfer != null && "confirmed".equals(transfer.path("status").asString()));
        byte[] delivery = ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"transfer.confirmed\",\"created_at\":\""
                + Instant.now() + "\",\"data\":" + confirmed + "}").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signed = PROVIDER.sign(now, delivery);

        HttpResponse<String> first = postWebhook(delivery, now, signed);
        HttpResponse<String> replay = postWebhook(delivery, now, signed);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(204);
        events.awaitConfirmed(transferId, WAIT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> events.outcomes(transferId).size() == 1);
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(4_000);
        report(events.outcomes(transferId).size(), 5_000 - simulator.balance(walletOf(alice)));
    }

    /** The figures for docs/reliability.md (target/reliability/webhook-replay.md). */
    private static void report(int outcomes, long debited) throws IOException {
        String table = """
                | webhook replay | deliveries sent | byte-for-byte replays | replays acknowledged (204) | outcomes published | user debited | money lost | money created |
                |---|---|---|---|---|---|---|---|
                | genuine delivery + exact replay | 2 | 1 | 1 | %d | %d (stake 1,000) | %d | %d |
                """.formatted(outcomes, debited, Math.max(0, 1_000 - debited), Math.max(0, debited - 1_000));
        System.out.println(table);
        Path out = Path.of("target/reliability/webhook-replay.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    @Test
    void a_replay_of_a_delivery_that_was_not_applied_is_handled_again_not_acknowledged() throws Exception {
        byte[] noTransfer = "{\"id\":\"evt-1\",\"type\":\"transfer.confirmed\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signed = PROVIDER.sign(now, noTransfer);

        HttpResponse<String> first = postWebhook(noTransfer, now, signed);
        HttpResponse<String> again = postWebhook(noTransfer, now, signed);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(again.statusCode()).as("a failed delivery is not remembered as applied").isEqualTo(400);
        assertThat(again.body()).contains("MALFORMED_WEBHOOK");
    }

    @Test
    void a_replay_with_a_stale_timestamp_gets_401_problem_json() throws Exception {
        byte[] body = "{\"id\":\"evt-2\",\"type\":\"transfer.confirmed\"}".getBytes(StandardCharsets.UTF_8);
        long stale = Instant.now().minusSeconds(301).getEpochSecond();

        HttpResponse<String> response = postWebhook(body, stale, PROVIDER.sign(stale, body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("INVALID_SIGNATURE");
    }

    @Test
    void a_delivery_signed_with_another_secret_gets_401_problem_json() throws Exception {
        byte[] body = "{\"id\":\"evt-3\",\"type\":\"transfer.confirmed\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String forged = new WebhookSignature("not-the-secret", Duration.ofMinutes(5)).sign(now, body);

        HttpResponse<String> response = postWebhook(body, now, forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("INVALID_SIGNATURE");
    }

    private HttpResponse<String> postWebhook(byte[] body, long timestamp, String signature) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + simulator.gatewayPort()
                        + WalletSimulator.WEBHOOK_PATH))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
