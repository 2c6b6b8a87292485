package dev.p2pbet.plumbing.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this process's relay when a transaction that appended to the outbox commits, so its rows leave at once
 * instead of after the relay's idle pause. Only a hint: the relay still looks after each idle pause (20 ms, growing
 * to 500 ms while it finds nothing: {@link IdlePause}), which finds the rows that other writers (another replica, SQL
 * by hand) committed. A signal that comes while the relay is busy is kept for its next wait.
 */
public class OutboxCommitSignal {

    private final Semaphore commits = new Semaphore(0);

    /** Within the appending transaction: signal once when it commits (nothing when it rolls back). */
    void signalAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(OutboxCommitSignal.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(OutboxCommitSignal.this, Boolean.TRUE);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(OutboxCommitSignal.this);
                if (status == STATUS_COMMITTED) {
                    commits.release();
                }
            }
        });
    }

    /**
     * Waits until a commit signalled since the last wait, or {@code timeout}; every signal pending is consumed, as one
     * batch relays them all. Returns whether a commit was signalled.
     */
    boolean awaitCommit(Duration timeout) throws InterruptedException {
        boolean signalled = commits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        commits.drainPermits();
        return signalled;
    }
}
