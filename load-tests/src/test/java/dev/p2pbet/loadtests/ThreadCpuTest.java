package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void threads_that_differ_only_by_number_are_one_group() {
        assertThat(ThreadCpu.group("kafka-request-h")).isEqualTo("kafka-request-h");
        assertThat(ThreadCpu.group("ForkJoinPool-1-w")).isEqualTo("ForkJoinPool-w");
        assertThat(ThreadCpu.group("gatling-1-3")).isEqualTo("gatling");
        assertThat(ThreadCpu.group("pool-3-thread-1")).isEqualTo("pool-thread");
        assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    }

    @Test
    void shares_are_of_the_window_largest_first_and_small_groups_left_out() {
        Map<String, Long> before = Map.of("broker", 100L, "gatling", 50L, "idle", 10L);
        Map<String, Long> after = Map.of("broker", 400L, "gatling", 150L, "idle", 11L, "new", 80L);

        // window: broker 300, gatling 100, new 80, idle 1 (under 2 %) of 481 ticks; 100 ticks/s, 10 operations
        assertThat(ThreadCpu.shares(before, after, 100, 10)).isEqualTo(
                "broker 62 % (300.00 ms per operation), gatling 21 % (100.00 ms per operation), "
                        + "new 17 % (80.00 ms per operation)");
    }
}
