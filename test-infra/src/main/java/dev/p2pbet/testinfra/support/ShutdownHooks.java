package dev.p2pbet.testinfra.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;

/**
 * Adds/removes JVM shutdown hooks without failing when the JVM is already shutting down.
 * A program that stops the servers itself, in order, sets {@link #DISABLED_PROPERTY}: JVM hooks
 * run concurrently, so the servers' own hooks would stop Kafka under services still using it.
 *
 * <p>For the same reason a hook added here first waits for the JVM's Spring Boot application contexts (a test JVM's
 * cached contexts) to be closed: Boot closes them in a hook of its own, and a listener container whose broker had
 * already stopped spent 30 s in its consumer's close, until Surefire killed the JVM.
 */
public final class ShutdownHooks {

    public static final String DISABLED_PROPERTY = "p2pbet.infra.own-shutdown-hooks.disabled";

    /** Longer than a context's close should take, shorter than Surefire's 30 s after the tests. */
    private static final Duration SPRING_CONTEXTS_PATIENCE = Duration.ofSeconds(20);

    private ShutdownHooks() {
    }

    public static Thread add(String name, Runnable action) {
        if (Boolean.getBoolean(DISABLED_PROPERTY)) {
            return new Thread(action, name);
        }
        SpringContextsClosed.watch();
        Thread hook = new Thread(() -> {
            SpringContextsClosed.await(SPRING_CONTEXTS_PATIENCE);
            action.run();
        }, name);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the caller closes explicitly.
        }
        return hook;
    }

    public static void remove(Thread hook) {
        if (hook == null || hook == Thread.currentThread()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down.
        }
    }

    /** Counts down when Spring Boot's shutdown hook has closed every application context it knows of. */
    private static final class SpringContextsClosed {

        private static final CountDownLatch CLOSED = new CountDownLatch(1);
        private static boolean watching;

        static synchronized void watch() {
            if (watching) {
                return;
            }
            try {
                // Boot runs its shutdown handlers only after the contexts it registered are closed.
                SpringApplication.getShutdownHandlers().add(CLOSED::countDown);
                watching = true;
            } catch (IllegalStateException e) {
                // Already shutting down: nothing to wait for.
            }
        }

        static void await(Duration patience) {
            synchronized (SpringContextsClosed.class) {
                if (!watching) {
                    return;
                }
            }
            try {
                CLOSED.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
