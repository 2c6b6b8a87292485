package dev.p2pbet.plumbing.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a user id), in this process's memory: a key may spend up to {@code capacity} requests
 * at once, and earns {@code perMinute} back per minute. Plain and domain-free; a limit per instance, so behind N
 * replicas a user gets up to N times the rate. Buckets that have refilled completely carry no information and are
 * dropped once there are many keys, so memory stays bounded by the recently active keys.
 */
public final class TokenBuckets {

    private static final int SWEEP_ABOVE_KEYS = 10_000;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, int perMinute) {
        this(capacity, perMinute, System::nanoTime);
    }

    public TokenBuckets(int capacity, int perMinute, LongSupplier nanoTime) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("A bucket holds at least 1 token and earns at least 1 per minute");
        }
        this.capacity = capacity;
        this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
        this.nanoTime = nanoTime;
    }

    /** Whether {@code key} may make one more request now (which spends a token), and if not, when to retry. */
    public Decision take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > SWEEP_ABOVE_KEYS) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    /** Keys currently tracked (for tests and metrics). */
    public int trackedKeys() {
        return buckets.size();
    }

    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds, at least one, as the Retry-After header wants them. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            long nanosToNextToken = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return new Decision(false, Duration.ofNanos(nanosToNextToken));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = Math.max(0, now - updatedAt);
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }
}
