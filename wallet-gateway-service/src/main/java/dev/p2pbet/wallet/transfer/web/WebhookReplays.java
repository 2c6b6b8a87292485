package dev.p2pbet.wallet.transfer.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed deliveries seen within the signature tolerance, so that a captured delivery replayed byte for byte
 * (same timestamp, same signature) is recognised. A signature names its timestamp and body, so it is the delivery's
 * identity; once the timestamp is older than the tolerance the signature is refused anyway and is forgotten here.
 *
 * <p>A replay of a delivery that was applied is acknowledged without being applied again; a replay that arrives
 * while the first copy is still being applied is asked to come back later. A delivery whose handling failed is
 * forgotten, so the provider's retry is applied. The provider re-sends an event with a fresh timestamp and
 * signature, which is a new delivery here; applying it again is a no-op because transfer outcomes are idempotent
 * (the ledger's guarded transitions). Per instance: behind several replicas that idempotency is the guarantee,
 * this is the extra check.
 */
final class WebhookReplays {

    enum Seen { FIRST, IN_FLIGHT, APPLIED }

    private static final int SWEEP_ABOVE = 1_000;

    private final Duration tolerance;
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();

    WebhookReplays(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** Records the delivery as being applied if it is new; otherwise says how far its first copy got. */
    Seen begin(String signature, long timestamp, Instant now) {
        if (deliveries.size() > SWEEP_ABOVE) {
            long oldest = now.minus(tolerance).getEpochSecond();
            deliveries.values().removeIf(delivery -> delivery.timestamp < oldest);
        }
        Delivery first = deliveries.putIfAbsent(key(signature), new Delivery(timestamp));
        if (first == null) {
            return Seen.FIRST;
        }
        return first.applied ? Seen.APPLIED : Seen.IN_FLIGHT;
    }

    void applied(String signature) {
        Delivery delivery = deliveries.get(key(signature));
        if (delivery != null) {
            delivery.applied = true;
        }
    }

    /** The delivery was not applied: a copy of it may be. */
    void failed(String signature) {
        deliveries.remove(key(signature));
    }

    int tracked() {
        return deliveries.size();
    }

    private static String key(String signature) {
        return signature.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Delivery {
        final long timestamp;
        volatile boolean applied;

        Delivery(long timestamp) {
            this.timestamp = timestamp;
        }
    }
}
