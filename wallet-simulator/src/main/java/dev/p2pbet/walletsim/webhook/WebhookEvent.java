package dev.p2pbet.walletsim.webhook;

import dev.p2pbet.walletsim.transfer.TransferView;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of a webhook: {@code id} identifies the event (the same on every retry and duplicate), {@code data} is
 * the transfer after the change, with its {@code sequence}.
 */
public record WebhookEvent(UUID id, String type, Instant createdAt, TransferView data) {

    public static final String CONFIRMED = "transfer.confirmed";
    public static final String FAILED = "transfer.failed";
}
