package dev.p2pbet.testinfra.support;

/** Adds/removes JVM shutdown hooks without failing when the JVM is already shutting down. */
public final class ShutdownHooks {

    private ShutdownHooks() {
    }

    public static Thread add(String name, Runnable action) {
        Thread hook = new Thread(action, name);
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
