package dev.p2pbet.localstack.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something the platform does asynchronously, never longer than a deadline, and says what it waited for. */
final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(300);

    private Poll() {
    }

    /**
     * Calls {@code probe} until it gives a value; after {@code timeout} fails with {@code what} and the last
     * {@code state} it saw (e.g. the bet's status), so a stuck step says where it stuck.
     */
    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                lastError = null;
            } catch (DemoFailure e) {
                throw e;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                String last = lastError != null ? "the last call failed: " + lastError.getMessage() : safely(state);
                throw new DemoFailure("Waited " + timeout.toSeconds() + " s for " + what + "; " + last);
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("Interrupted while waiting for " + what);
            }
        }
    }

    private static String safely(Supplier<String> state) {
        try {
            return "last seen: " + state.get();
        } catch (RuntimeException e) {
            return "and could not read its state: " + e.getMessage();
        }
    }
}
