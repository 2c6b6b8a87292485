package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    private static final Instant SCENARIOS_BEGAN = Instant.parse("2026-12-05T04:32:00Z");

    private long ids;

    private GcPauses.Pause pause(String at, String collector, String cause, double millis) {
        return new GcPauses.Pause(ids++, Instant.parse("2026-12-05T" + at + "Z"), collector, cause, millis);
    }

    @Test
    void the_warm_up_s_collections_are_not_pauses_under_load() {
        List<GcPauses.Pause> pauses = List.of(
                pause("04:25:23", "SerialOld", "Metadata GC Threshold", 566),
                pause("04:33:06", "DefNew", "Allocation Failure", 42),
                pause("04:33:10", "DefNew", "Allocation Failure", 8));

        GcPauses.Summary underLoad = GcPauses.underLoad(pauses, SCENARIOS_BEGAN);

        assertThat(underLoad.count()).isEqualTo(2);
        assertThat(underLoad.totalMs()).isEqualTo(50);
        assertThat(underLoad.longest().describe()).isEqualTo("42 ms DefNew (Allocation Failure)");
    }

    @Test
    void the_harness_s_heap_histograms_are_not_pauses_under_load() {
        List<GcPauses.Pause> pauses = List.of(
                pause("04:34:32", "SerialOld", GcPauses.HEAP_INSPECTION, 1470),
                pause("04:34:33", "DefNew", "Allocation Failure", 6));

        assertThat(GcPauses.underLoad(pauses, SCENARIOS_BEGAN).longest().millis()).isEqualTo(6);
        assertThat(GcPauses.wholeRun(pauses).longest().millis()).isEqualTo(1470);
    }

    @Test
    void p99_is_the_nearest_rank_of_the_window_s_pauses() {
        List<GcPauses.Pause> pauses = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> pause("04:33:00", "DefNew", "Allocation Failure", i))
                .toList();

        assertThat(GcPauses.underLoad(pauses, SCENARIOS_BEGAN).p99Ms()).isEqualTo(198);
    }

    @Test
    void describes_a_window_s_pauses_with_the_longest_s_collector_and_cause() {
        List<GcPauses.Pause> pauses = List.of(pause("04:33:06", "DefNew", "Allocation Failure", 42));

        assertThat(GcPauses.underLoad(pauses, SCENARIOS_BEGAN).describe())
                .isEqualTo("1 pause, 42 ms in all, p99 42.0 ms, the longest 42 ms DefNew (Allocation Failure)");
    }

    @Test
    void a_window_without_collections_says_so() {
        assertThat(GcPauses.underLoad(List.of(), SCENARIOS_BEGAN).describe()).isEqualTo("no pauses");
    }
}
