package dev.p2pbet.testinfra.support;

/**
 * Adds/removes JVM shutdown hooks without failing when the JVM is already shutting down.
 * A program that stops the servers itself, in order, sets {@link #DISABLED_PROPERTY}: JVM hooks
 * run concurrently, so the servers' own hooks would stop Kafka under services still using it.
 */
public final class ShutdownHooks {

    public static final String DISABLED_PROPERTY = "p2pbet.infra.own-shutdown-hooks.disabled";

    private ShutdownHooks() {
    }

    public static Thread add(String name, Runnable action) {
        Thread hook = new Thread(action, name);
        if (Boolean.getBoolean(DISABLED_PROPERTY)) {
            return hook;
        }
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
}
