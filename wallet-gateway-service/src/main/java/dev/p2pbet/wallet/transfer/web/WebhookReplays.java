package dev.p2pbet.wallet.transfer.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

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
 *
 * <p>Forgetting is O(1) amortised per delivery: deliveries are also queued in arrival order and each {@code begin}
 * drops expired ones from the head only (scanning the whole map on every delivery cost the square of the rate).
 * Arrival order is nearly timestamp order; an entry behind a younger head waits for it, at most the tolerance
 * longer, which only keeps it in memory a little longer.
 */
final class WebhookReplays {

    enum Seen { FIRST, IN_FLIGHT, APPLIED }

    private final Duration tolerance;
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final Queue<Delivery> arrivals = new ConcurrentLinkedQueue<>();
    // one sweeper at a time, so the head it peeked is the head it polls; the others skip the sweep
    private final ReentrantLock sweeping = new ReentrantLock();

    WebhookReplays(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** Records the delivery as being applied if it is new; otherwise says how far its first copy got. */
    Seen begin(String signature, long timestamp, Instant now) {
        forgetExpired(now.minus(tolerance).getEpochSecond());
        Delivery delivery = new Delivery(key(signature), timestamp);
        Delivery first = deliveries.putIfAbsent(delivery.key, delivery);
        if (first == null) {
            arrivals.add(delivery);
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

    private void forgetExpired(long oldest) {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            for (Delivery head = arrivals.peek(); head != null && head.timestamp < oldest; head = arrivals.peek()) {
                arrivals.poll();
                // only this delivery: after a failure the same signature may be tracked again as a new one
                deliveries.remove(head.key, head);
            }
        } finally {
            sweeping.unlock();
        }
    }

    int tracked() {
        return deliveries.size();
    }

    private static String key(String signature) {
        return signature.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Delivery {
        final String key;
        final long timestamp;
        volatile boolean applied;

        Delivery(String key, long timestamp) {
            this.key = key;
            this.timestamp = timestamp;
        }
    }
}
