package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetLimitsTest {

    /** 2,000 offers in 20 s that cost the stack 37.4 CPU-s (93 % of 2 cores), 3.4 of them compiling. */
    private static CpuAccounting.Usage offersAt100PerSecond() {
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        cpuSeconds.put("bet-service", 6.2);
        cpuSeconds.put("postgres", 10.0);
        cpuSeconds.put("test JVM", 7.0);
        cpuSeconds.put("wallet-gateway-service", 7.0);
        cpuSeconds.put("wallet-simulator", 4.6);
        cpuSeconds.put("settlement-service", 2.6);
        return new CpuAccounting.Usage("offer creation", 2_000, 20, cpuSeconds, 3.4, 0.95, 2, Double.NaN, Double.NaN)
                .withIdle(new CpuAccounting.Usage("idle", 0, 15, Map.of("test JVM", 2.55), 0.6, 0.2, 2, Double.NaN,
                        Double.NaN));
    }

    @Test
    void a_cpu_limit_names_the_cost_its_dearest_processes_and_the_ceiling() {
        assertThat(TargetLimits.cpu(offersAt100PerSecond(), "an offer at 100 offers/s", "offers/s")).isEqualTo(
                "CPU: an offer at 100 offers/s cost 18.7 ms of CPU over the stack (15.7 ms compiled and net of the "
                        + "idle stack; most in postgres 5.0 ms, test JVM 3.5 ms, wallet-gateway-service 3.5 ms), so 2 "
                        + "cores carry at most 107 offers/s (119 compiled and net)");
    }

    @Test
    void a_whole_life_cycle_costs_its_way_to_matched_and_its_settlement() {
        CpuAccounting.Usage upToMatched = new CpuAccounting.Usage("full life cycles", 1_000, 40,
                Map.of("bet-service", 40.0, "postgres", 20.0), 0, 0.8, 2, Double.NaN, Double.NaN);
        CpuAccounting.Usage settled = new CpuAccounting.Usage("settlement", 1_000, 20, Map.of("postgres", 40.0), 0,
                1, 2, Double.NaN, Double.NaN);

        assertThat(TargetLimits.cpuOfWholeLifeCycle(upToMatched, settled)).isEqualTo("CPU: a whole life cycle cost "
                + "100.0 ms of CPU over the stack (60.0 up to matched, most in bet-service 40.0 ms, postgres 20.0 ms; "
                + "40.0 settled and paid), so 2 cores carry at most 20.0/s");
    }

    @Test
    void a_queueing_limit_sets_the_busy_cores_against_the_latency_with_idle_ones() {
        Map<String, Double> steady = Map.of("bet-service", 14.4);
        CpuAccounting.Usage tenPerSecond = new CpuAccounting.Usage("offers at a steady rate", 600, 60, steady, 0, 0.26,
                2, Double.NaN, Double.NaN);

        assertThat(TargetLimits.queueing(offersAt100PerSecond(), "100 offers/s", tenPerSecond, "10 offers/s",
                "the p99", 15)).isEqualTo("queueing for the CPU: the stack used 94 % of 2 cores at 100 offers/s; at "
                + "10 offers/s, where it used 12 %, the p99 was 15 ms");
    }
}
