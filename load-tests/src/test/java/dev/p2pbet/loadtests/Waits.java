package dev.p2pbet.loadtests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for the platform's asynchronous work, never past a deadline. */
final class Waits {

    private static final Duration QUICK = Duration.ofMillis(200);
    private static final Duration SLOW = Duration.ofSeconds(1);
    private static final Duration QUICK_PHASE = Duration.ofSeconds(5);

    private Waits() {
    }

    /**
     * Asks every 200 ms for the first seconds, then every second: the question is a query on the platform's
     * database, and on a long wait (a settlement) its CPU would be charged to the platform's.
     */
    static void until(String what, Duration timeout, BooleanSupplier done) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (done.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            sleep(Duration.ofNanos(System.nanoTime() - began).compareTo(QUICK_PHASE) < 0 ? QUICK : SLOW);
        }
        throw new IllegalStateException("Waited " + timeout.toSeconds() + " s for " + what
                + (last == null ? "" : "; last error: " + last.getMessage()));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
