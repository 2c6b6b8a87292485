package dev.p2pbet.loadtests;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for the platform's asynchronous work, never past a deadline. */
final class Waits {

    private Waits() {
    }

    static void until(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
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
            sleep(Duration.ofMillis(200));
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
