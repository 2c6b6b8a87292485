package dev.p2pbet.walletsim.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class WakeablePollerTest {

    private static final Duration NEVER_IN_A_TEST = Duration.ofHours(1);

    private final Semaphore runs = new Semaphore(0);
    private WakeablePoller poller;

    @AfterEach
    void stopPolling() {
        if (poller != null) {
            poller.stop();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void runs_its_task_once_at_start() throws InterruptedException {
        start(NEVER_IN_A_TEST, runs::release);

        assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runs_its_task_again_after_each_poll_interval() throws InterruptedException {
        start(Duration.ofMillis(10), runs::release);

        assertThat(runs.tryAcquire(3, 10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runs_its_task_at_once_when_woken_long_before_its_poll_interval_ends() throws InterruptedException {
        startAndAwaitFirstRun();

        poller.wake();

        assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_wake_up_within_a_transaction_waits_for_the_commit() throws InterruptedException {
        startAndAwaitFirstRun();
        TransactionSynchronizationManager.initSynchronization();

        poller.wakeAfterCommit();
        assertThat(runs.tryAcquire(200, TimeUnit.MILLISECONDS)).as("a run before the commit").isFalse();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_task_that_fails_runs_again_when_woken() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        start(NEVER_IN_A_TEST, () -> {
            runs.release();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is gone for a moment");
            }
        });
        assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        poller.wake();

        assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void refuses_a_poll_interval_that_is_not_positive() {
        assertThatThrownBy(() -> new WakeablePoller("settler", Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settler");
    }

    private void startAndAwaitFirstRun() throws InterruptedException {
        start(NEVER_IN_A_TEST, runs::release);
        assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }

    private void start(Duration interval, Runnable task) {
        poller = new WakeablePoller("test-poller", interval, task);
        poller.start();
    }
}
