package dev.p2pbet.wallet.transfer.web;

import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.wallet.WalletGatewayProperties;
import dev.p2pbet.wallet.provider.WalletProviderClient;
import dev.p2pbet.wallet.provider.domain.WebhookSignature;
import dev.p2pbet.wallet.transfer.TransferService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's {@code transfer.confirmed} / {@code transfer.failed} webhooks. Open to the network (no JWT), so
 * it authenticates every delivery by its HMAC signature and timestamp before reading it: a bad or stale
 * signature is a 401 and changes nothing. A delivery replayed byte for byte within the tolerance is acknowledged
 * without being applied again ({@link WebhookReplays}); a duplicate of the event with a fresh signature finds the
 * transfer settled and changes nothing; every verified delivery is acknowledged with 204 so the provider stops
 * retrying.
 */
@RestController
class ProviderWebhookController {

    static final String PATH = "/webhooks/wallet-provider";
    private static final Logger log = LoggerFactory.getLogger(ProviderWebhookController.class);

    private final WebhookSignature signature;
    private final WebhookReplays replays;
    private final TransferService transfers;
    private final Clock clock;

    ProviderWebhookController(WalletGatewayProperties properties, TransferService transfers, Clock clock) {
        String secret = properties.webhook().secret();
        if (secret.isBlank()) {
            log.warn("No p2pbet.wallet.webhook.secret (P2PBET_WALLET_WEBHOOK_SECRET): every webhook is refused");
        }
        this.signature = secret.isBlank() ? null : new WebhookSignature(secret, properties.webhook().tolerance());
        this.replays = new WebhookReplays(properties.webhook().tolerance());
        this.transfers = transfers;
        this.clock = clock;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(@RequestHeader(value = WebhookSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                                 @RequestHeader(value = WebhookSignature.SIGNATURE_HEADER, required = false) String signed,
                                 @RequestBody byte[] body) {
        if (signature == null || !signature.verifies(timestamp, signed, body, clock.instant())) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE",
                    "The webhook signature is missing, wrong or too old.");
        }
        switch (replays.begin(signed, Long.parseLong(timestamp.trim()), clock.instant())) {
            case APPLIED -> {
                log.info("Ignored a replayed webhook delivery (timestamp {}): it was applied already", timestamp);
                return ResponseEntity.noContent().build();
            }
            case IN_FLIGHT -> throw new ApiProblem(HttpStatus.CONFLICT, "DELIVERY_IN_PROGRESS",
                    "This delivery is being applied; send it again later.");
            case FIRST -> {
            }
        }
        try {
            apply(body);
        } catch (RuntimeException e) {
            replays.failed(signed);
            throw e;
        }
        replays.applied(signed);
        return ResponseEntity.noContent().build();
    }

    private void apply(byte[] body) {
        WalletProviderClient.Webhook webhook;
        try {
            webhook = WalletProviderClient.parseWebhook(body);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("MALFORMED_WEBHOOK", "The webhook body is not a transfer event.");
        }
        if (webhook.data() == null || webhook.data().idempotencyKey() == null) {
            throw ApiProblem.badRequest("MALFORMED_WEBHOOK", "The webhook carries no transfer.");
        }
        transfers.providerReports(webhook.data());
    }
}
