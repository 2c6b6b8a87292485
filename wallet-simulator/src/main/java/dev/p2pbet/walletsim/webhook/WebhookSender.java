package dev.p2pbet.walletsim.webhook;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.webhook.domain.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** POSTs one signed delivery; the signature is made at send time, so every attempt carries a fresh timestamp. */
class WebhookSender {

    private final URI url;
    private final WebhookSignature signature;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WalletSimulatorProperties.Webhook properties, Clock clock) {
        this.url = URI.create(properties.url());
        this.signature = new WebhookSignature(properties.secret());
        this.timeout = properties.timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Null when the receiver answered 2xx, otherwise why the attempt failed. */
    String send(WebhookDeliveries.Claimed delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "wallet-simulator-webhooks/1")
                .header("X-Wallet-Event-Id", delivery.eventId().toString())
                .header("X-Wallet-Event-Type", delivery.type())
                .header("X-Wallet-Delivery-Attempt", Integer.toString(delivery.attempt()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
