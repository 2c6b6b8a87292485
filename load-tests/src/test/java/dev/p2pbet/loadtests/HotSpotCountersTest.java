package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HotSpotCountersTest {

    @Test
    void reads_compilations_and_every_collectors_time_in_seconds() {
        HotSpotCounters.Reading reading = HotSpotCounters.parse(Map.of(
                "sun.os.hrt.frequency", "1000000000",
                "sun.ci.totalCompiles", "955",
                "java.ci.totalTime", "657033740",
                "sun.gc.collector.0.time", "200000000",
                "sun.gc.collector.1.time", "50000000",
                "sun.gc.collector.0.invocations", "7"));

        assertThat(reading.compiles()).isEqualTo(955);
        assertThat(reading.gcSeconds()).isCloseTo(0.25, within(0.001));
    }

    @Test
    void a_window_is_the_difference_of_two_readings() {
        HotSpotCounters.Reading window = new HotSpotCounters.Reading(1_000, 2.5)
                .minus(new HotSpotCounters.Reading(900, 2.0));

        assertThat(window).isEqualTo(new HotSpotCounters.Reading(100, 0.5));
    }
}
