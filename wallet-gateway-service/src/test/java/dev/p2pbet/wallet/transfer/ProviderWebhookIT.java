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
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WalletGatewayIT
class ProviderWebhookIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TransferCommands commands = new TransferCommands();
    private final WalletSimulator simulator = WalletSimulator.shared();
    private final TransferEventsRecorder events = TransferEventsRecorder.shared();

    @Autowired
    WalletRepository wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void a_webhook_delivered_twice_ends_in_exactly_one_confirmation() {
        simulator.faults("{\"webhook_duplicate_rate\":1.0}");
        String alice = aUserWith(5_000, wallets);
        String betId = aBetId();

        commands.send(TransferCommands.escrowIn(betId, alice, 1_000));

        String transferId = TransferIds.escrowCreator(betId);
        events.awaitConfirmed(transferId, WAIT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> events.outcomes(transferId).size() == 1);
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(4_000);
    }

    @Test
    void a_dropped_webhook_is_made_up_for_by_the_reconciler_with_exactly_one_confirmation() {
        simulator.faults("{\"webhook_drop_rate\":1.0}");
        double fixesBefore = reconcilerFixes();
        String alice = aUserWith(5_000, wallets);
        String betId = aBetId();

        commands.send(TransferCommands.escrowIn(betId, alice, 1_000));

        String transferId = TransferIds.escrowCreator(betId);
        events.awaitConfirmed(transferId, WAIT);
        assertThat(events.outcomes(transferId)).hasSize(1);
        assertThat(reconcilerFixes()).isGreaterThan(fixesBefore);
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(4_000);
    }

    @Test
    void a_webhook_with_a_bad_signature_gets_401_and_changes_nothing() throws Exception {
        String transferId = aTransferWaitingForItsWebhook();
        byte[] body = confirmedWebhookFor(transferId);
        long now = Instant.now().getEpochSecond();
        String forged = new WebhookSignature("not-the-secret", Duration.ofMinutes(5)).sign(now, body);

        HttpResponse<String> response = postWebhook(body, now, forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(status(transferId)).isEqualTo("submitted");
        assertThat(events.outcomes(transferId)).isEmpty();
        events.awaitConfirmed(transferId, WAIT);
    }

    @Test
    void a_webhook_with_a_stale_signature_gets_401_and_changes_nothing() throws Exception {
        String transferId = aTransferWaitingForItsWebhook();
        byte[] body = confirmedWebhookFor(transferId);
        long stale = Instant.now().minusSeconds(600).getEpochSecond();
        String signed = new WebhookSignature(WalletSimulator.WEBHOOK_SECRET, Duration.ofMinutes(5)).sign(stale, body);

        HttpResponse<String> response = postWebhook(body, stale, signed);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(status(transferId)).isEqualTo("submitted");
        assertThat(events.outcomes(transferId)).isEmpty();
        events.awaitConfirmed(transferId, WAIT);
    }

    @Test
    void a_webhook_without_a_signature_gets_401() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(webhookUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** A transfer the provider holds pending for 3 s, so a forged webhook arrives while the ledger says submitted. */
    private String aTransferWaitingForItsWebhook() {
        simulator.confirmationDelay(Duration.ofSeconds(3));
        String alice = aUserWith(5_000, wallets);
        String betId = aBetId();
        commands.send(TransferCommands.escrowIn(betId, alice, 1_000));
        String transferId = TransferIds.escrowCreator(betId);
        await().atMost(WAIT).until(() -> "submitted".equals(status(transferId)));
        return transferId;
    }

    private byte[] confirmedWebhookFor(String transferId) {
        String providerId = jdbc.sql("SELECT provider_transfer_id FROM wallet_transactions WHERE transfer_id = ?")
                .param(transferId).query(String.class).single();
        String from = jdbc.sql("SELECT from_account FROM wallet_transactions WHERE transfer_id = ?")
                .param(transferId).query(String.class).single();
        return ("""
                {"id":"%s","type":"transfer.confirmed","created_at":"%s","data":{"id":"%s","idempotency_key":"%s",
                "status":"confirmed","sequence":2,"from":"%s","to":"ESCROW_VAULT","amount_minor":1000,"currency":"USD",
                "gas_sponsor":"PLATFORM_OPS","gas_limit_minor":1,"gas_used_minor":1}}""")
                .formatted(UUID.randomUUID(), Instant.now(), providerId, transferId, from)
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postWebhook(byte[] body, long timestamp, String signature) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(webhookUrl())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI webhookUrl() {
        return URI.create("http://localhost:" + simulator.gatewayPort() + WalletSimulator.WEBHOOK_PATH);
    }

    private String status(String transferId) {
        return jdbc.sql("SELECT status FROM wallet_transactions WHERE transfer_id = ?").param(transferId)
                .query(String.class).optional().orElse("absent");
    }

    private double reconcilerFixes() {
        return meters.find("betting.reconciler.fixes").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
