package dev.p2pbet.plumbing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayPacingTest {

    private static final int BATCH_SIZE = 2_000;

    private final RelayPacing pacing = new RelayPacing(new IdlePause(Duration.ofMillis(20), Duration.ofMillis(500)),
            BATCH_SIZE);

    @Test
    void looks_again_at_once_after_a_full_batch() {
        assertThat(pacing.afterLook(BATCH_SIZE, true)).isZero();
    }

    @Test
    void waits_for_the_next_commit_after_a_batch_smaller_than_the_batch_size() {
        assertThat(pacing.afterLook(3, true)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void waits_for_the_next_commit_after_a_look_that_found_nothing() {
        assertThat(pacing.afterLook(0, true)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void waits_longer_after_each_look_that_only_the_idle_pause_prompted_and_found_nothing() {
        assertThat(pacing.afterLook(0, false)).isEqualTo(Duration.ofMillis(40));
        assertThat(pacing.afterLook(0, false)).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void waits_its_shortest_again_once_such_a_look_finds_rows_another_writer_committed() {
        pacing.afterLook(0, false);

        assertThat(pacing.afterLook(1, false)).isEqualTo(Duration.ofMillis(20));
    }
}
