package dev.p2pbet.wallet.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StaleTransferIntakeTest {

    private final Backlog backlog = new Backlog();
    private final List<String> handedOver = new ArrayList<>();
    private final List<String> probed = new ArrayList<>();
    private boolean circuitClosed = true;
    private boolean onCallThread;

    @Test
    void with_the_circuit_closed_takes_up_batch_after_batch_and_hands_every_transfer_over() {
        backlog.ofSize(StaleTransferIntake.BATCH * 2 + 7);

        int taken = intake().takeUp(this::answered);

        assertThat(taken).isEqualTo(107);
        assertThat(handedOver).hasSize(107);
        assertThat(backlog.claims).containsExactly(50, 50, 50);
        assertThat(backlog.due).isEmpty();
    }

    @Test
    void with_the_circuit_open_probes_with_the_oldest_transfer_and_leaves_the_whole_backlog_due() {
        backlog.ofSize(120);
        circuitClosed = false;

        int taken = intake().takeUp(this::refused);

        assertThat(taken).isEqualTo(1);
        assertThat(probed).containsExactly("t-0");
        assertThat(handedOver).isEmpty();
        assertThat(backlog.claims).isEmpty();
        assertThat(backlog.due).hasSize(120).first().isEqualTo("t-0");
    }

    @Test
    void once_a_probe_closes_the_circuit_takes_up_the_whole_backlog_in_the_same_run() {
        backlog.ofSize(120);
        circuitClosed = false;

        int taken = intake().takeUp(this::answeredClosingTheCircuit);

        assertThat(taken).isEqualTo(120);
        assertThat(probed).containsExactly("t-0");
        assertThat(handedOver).hasSize(119);
        assertThat(backlog.due).isEmpty();
    }

    @Test
    void half_open_probes_one_transfer_at_a_time_while_they_are_answered() {
        backlog.ofSize(3);
        circuitClosed = false;

        int taken = intake().takeUp(this::answered);

        assertThat(taken).isEqualTo(3);
        assertThat(probed).containsExactly("t-0", "t-1", "t-2");
        assertThat(backlog.claims).isEmpty();
        assertThat(handedOver).isEmpty();
    }

    @Test
    void nothing_stale_claims_once_and_takes_nothing() {
        int taken = intake().takeUp(this::answered);

        assertThat(taken).isZero();
        assertThat(backlog.claims).containsExactly(50);
    }

    /** Hands a call over by running it at once, marked as made on a call thread. */
    private StaleTransferIntake intake() {
        return new StaleTransferIntake(backlog::claim, backlog::oldest, () -> circuitClosed, call -> {
            onCallThread = true;
            try {
                call.run();
            } finally {
                onCallThread = false;
            }
        });
    }

    /** The provider takes the transfer: it leaves its status, and so the stale ones. */
    private boolean answered(String id) {
        (onCallThread ? handedOver : probed).add(id);
        backlog.due.remove(id);
        return true;
    }

    private boolean refused(String id) {
        probed.add(id);
        return false;
    }

    private boolean answeredClosingTheCircuit(String id) {
        circuitClosed = true;
        return answered(id);
    }

    /** Stale transfers, oldest first; a claimed one is no longer due for a while. */
    private static final class Backlog {
        final Deque<String> due = new ArrayDeque<>();
        final List<Integer> claims = new ArrayList<>();

        void ofSize(int size) {
            IntStream.range(0, size).forEach(i -> due.add("t-" + i));
        }

        Optional<String> oldest() {
            return Optional.ofNullable(due.peek());
        }

        List<String> claim(int limit) {
            claims.add(limit);
            List<String> claimed = new ArrayList<>();
            while (claimed.size() < limit && !due.isEmpty()) {
                claimed.add(due.poll());
            }
            return claimed;
        }
    }
}
