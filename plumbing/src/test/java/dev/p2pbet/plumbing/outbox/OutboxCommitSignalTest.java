package dev.p2pbet.plumbing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class OutboxCommitSignalTest {

    private final OutboxCommitSignal signal = new OutboxCommitSignal();

    @AfterEach
    void leaveNoTransactionBehind() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(signal);
    }

    @Test
    void wakes_the_relay_when_the_appending_transaction_commits() throws InterruptedException {
        appendInTransactionThatEnds(TransactionSynchronization.STATUS_COMMITTED, 3);

        assertThat(signal.awaitCommit(Duration.ZERO)).isTrue();
    }

    @Test
    void signals_a_transaction_once_however_many_rows_it_appended() throws InterruptedException {
        appendInTransactionThatEnds(TransactionSynchronization.STATUS_COMMITTED, 3);

        signal.awaitCommit(Duration.ZERO);
        assertThat(signal.awaitCommit(Duration.ZERO)).isFalse();
    }

    @Test
    void stays_silent_when_the_appending_transaction_rolls_back() throws InterruptedException {
        appendInTransactionThatEnds(TransactionSynchronization.STATUS_ROLLED_BACK, 1);

        assertThat(signal.awaitCommit(Duration.ZERO)).isFalse();
    }

    @Test
    void signals_every_transaction_of_a_thread_in_turn() throws InterruptedException {
        appendInTransactionThatEnds(TransactionSynchronization.STATUS_COMMITTED, 1);
        signal.awaitCommit(Duration.ZERO);

        appendInTransactionThatEnds(TransactionSynchronization.STATUS_COMMITTED, 1);

        assertThat(signal.awaitCommit(Duration.ZERO)).isTrue();
    }

    @Test
    void waits_no_longer_than_the_idle_pause_without_a_commit() throws InterruptedException {
        assertThat(signal.awaitCommit(Duration.ofMillis(1))).isFalse();
    }

    /** What Spring's transaction manager does around {@link Outbox#append}: synchronization on, then completion. */
    private void appendInTransactionThatEnds(int status, int appends) {
        TransactionSynchronizationManager.initSynchronization();
        for (int i = 0; i < appends; i++) {
            signal.signalAfterCommit();
        }
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(synchronizations).hasSize(1);
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }
}
