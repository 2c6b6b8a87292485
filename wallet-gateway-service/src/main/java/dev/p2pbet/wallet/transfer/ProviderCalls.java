package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.WalletGatewayProperties;
import io.micrometer.context.ContextSnapshotFactory;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the provider calls of recorded transfers beside the command consumers and the reconciler, at most
 * {@code p2pbet.wallet.provider.concurrent-calls} at once, theirs together: the limit is what the gateway asks of the
 * provider at a time.
 *
 * <p>A command consumer used to wait for the provider's answer before it took the next command, so the gateway
 * moved at most one transfer per partition per provider round trip: six partitions and a provider that answers in
 * 100 ms cap it at 60 transfers a second, whatever the machine (docs/benchmarks.md, item 20). A consumer now
 * records the command (the ledger row with its call counted, committed) and hands the call over; it waits only
 * when every call slot is taken, so a slow provider holds the consumer back instead of piling calls up in memory.
 *
 * <p>Nothing here needs to survive a crash: a call is handed over only after its transfer is stored as requested
 * with the call counted, and such a row is looked up at the provider by its idempotency key and finished by the
 * reconciler if the call never ends ({@link TransferService}).
 *
 * <p>Platform threads, not virtual ones: a burst of first calls loads the HTTP client's classes, and virtual threads
 * that load classes from the executable jar can hold every carrier thread (ADR 0003).
 */
@Component
class ProviderCalls implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final int slots;
    private final Semaphore free;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
    private volatile ExecutorService threads;

    @Autowired
    ProviderCalls(WalletGatewayProperties properties) {
        this(properties.provider().concurrentCalls());
    }

    ProviderCalls(int slots) {
        this.slots = slots;
        if (slots < 1) {
            throw new IllegalArgumentException("p2pbet.wallet.provider.concurrent-calls must be at least 1, was "
                    + slots);
        }
        this.free = new Semaphore(slots);
    }

    /**
     * Starts {@code calls} on a call thread, in the caller's trace, once a slot is free; the caller waits for the
     * slot, not for the calls.
     */
    void handOver(Runnable calls) {
        ExecutorService running = threads;
        if (running == null) {
            // stopped (or not started yet): the caller makes the calls itself, as before
            calls.run();
            return;
        }
        Runnable inTrace = snapshots.captureAll().wrap(calls);
        free.acquireUninterruptibly();
        try {
            running.execute(() -> {
                try {
                    inTrace.run();
                } catch (RuntimeException e) {
                    // the transfer stays requested with its call counted: the reconciler looks it up and finishes it
                    log.error("A provider call ended with an unexpected failure; the reconciler takes it up", e);
                } finally {
                    free.release();
                }
            });
        } catch (RejectedExecutionException e) {
            free.release();
            throw e;
        }
    }

    /** Calls under way, for tests and for the log at shutdown. */
    int underWay() {
        return slots - free.availablePermits();
    }

    @Override
    public void start() {
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(slots,
                runnable -> Thread.ofPlatform().name("provider-call-" + number.incrementAndGet()).daemon(true)
                        .unstarted(runnable));
    }

    /** After the command consumers have stopped (a lower phase stops later): the calls under way may end. */
    @Override
    public void stop() {
        ExecutorService running = threads;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} provider calls still under way at shutdown; the reconciler finishes their transfers",
                        underWay());
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.shutdownNow();
        }
        threads = null;
    }

    @Override
    public boolean isRunning() {
        return threads != null;
    }

    @Override
    public int getPhase() {
        // Kafka's listener containers stop at Integer.MAX_VALUE - 100: they hand over no call after this stops
        return Integer.MAX_VALUE - 200;
    }
}
