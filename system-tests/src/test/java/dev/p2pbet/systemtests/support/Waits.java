package dev.p2pbet.systemtests.support;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waits on an eventually consistent platform, failing with what was last seen. */
public final class Waits {

    private static final Duration POLL = Duration.ofMillis(250);

    private Waits() {
    }

    public static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<T> done,
                              Function<T, String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = read.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                String seen = last == null ? "nothing" : describe.apply(last);
                AssertionError failure = new AssertionError("Waited " + timeout.toSeconds() + " s for " + what
                        + "; last seen: " + seen);
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            sleep(POLL);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
