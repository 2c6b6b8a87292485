package dev.p2pbet.plumbing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdlePauseTest {

    private final IdlePause pause = new IdlePause(Duration.ofMillis(20), Duration.ofMillis(500));

    @Test
    void starts_at_its_shortest() {
        assertThat(pause.current()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void doubles_after_each_look_that_finds_nothing_up_to_its_longest() {
        for (long expected : new long[] {40, 80, 160, 320, 500, 500}) {
            pause.afterUnpromptedLook(false);
            assertThat(pause.current()).isEqualTo(Duration.ofMillis(expected));
        }
    }

    @Test
    void returns_to_its_shortest_when_a_look_finds_rows() {
        pause.afterUnpromptedLook(false);
        pause.afterUnpromptedLook(false);

        pause.afterUnpromptedLook(true);

        assertThat(pause.current()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void a_longest_below_the_shortest_keeps_the_pause_fixed() {
        IdlePause fixed = new IdlePause(Duration.ofMillis(50), Duration.ofMillis(10));

        fixed.afterUnpromptedLook(false);

        assertThat(fixed.current()).isEqualTo(Duration.ofMillis(50));
    }
}
