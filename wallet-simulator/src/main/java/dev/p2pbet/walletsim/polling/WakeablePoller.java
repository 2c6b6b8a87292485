package dev.p2pbet.walletsim.polling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a task on its own thread after every poll interval, and at once when woken: work this process commits (a
 * transfer due now, a webhook due now) wakes the task that does it, instead of leaving it for the task's next look.
 * Polling stays for the work no wake-up announces (a delay that ends, a retry that falls due, another instance's
 * commit). The two pollers that shared Spring's single scheduler thread on fixed delays fell into step: a settled
 * transfer's webhook waited a whole poll interval nearly every time, the largest part of a bet's create -> open.
 * A wake-up that comes while the task runs is kept for one more run, which takes all the work woken meanwhile.
 */
public final class WakeablePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WakeablePoller.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    public WakeablePoller(String name, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": the poll interval must be positive, was " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    /** Runs the task as soon as the current run (if any) ends. */
    public void wake() {
        wakeUps.release();
    }

    /** Within a transaction: wakes the task once it commits, when its work is visible (nothing on a rollback). */
    public void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::pollUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        Thread polling = thread;
        if (polling == null) {
            return;
        }
        try {
            polling.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed; it runs again after its poll interval", name, e);
            }
            try {
                wakeUps.tryAcquire(interval.toNanos(), TimeUnit.NANOSECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
