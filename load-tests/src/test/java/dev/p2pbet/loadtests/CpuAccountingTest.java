package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAccountingTest {

    /** A real line of a JVM's stat (Linux 6), cut after field 20. */
    private static final String JAVA = "4555 (java) S 3882 3881 3881 0 -1 1077936384 141235 0 12 0 "
            + "5214 987 3 1 20 0 67 0";

    @Test
    void reads_pid_parent_and_user_and_system_ticks_of_a_stat_line() {
        CpuAccounting.ProcStat stat = CpuAccounting.ProcStat.parse(JAVA);

        assertThat(stat.pid()).isEqualTo(4555);
        assertThat(stat.comm()).isEqualTo("java");
        assertThat(stat.ppid()).isEqualTo(3882);
        assertThat(stat.utime()).isEqualTo(5214);
        assertThat(stat.stime()).isEqualTo(987);
        assertThat(stat.ownTicks()).isEqualTo(6201);
    }

    @Test
    void counts_fields_from_the_last_parenthesis_when_the_command_name_holds_spaces_and_parentheses() {
        CpuAccounting.ProcStat stat = CpuAccounting.ProcStat.parse(
                "77 (a) b (c) S 1 77 77 0 -1 4194560 1 0 0 0 40 2 0 0 20 0 1 0 123 0 0");

        assertThat(stat.comm()).isEqualTo("a) b (c");
        assertThat(stat.ppid()).isEqualTo(1);
        assertThat(stat.utime()).isEqualTo(40);
        assertThat(stat.stime()).isEqualTo(2);
    }

    @Test
    void counts_the_reaped_children_of_a_process_only_when_asked() {
        CpuAccounting.ProcStat postmaster = CpuAccounting.ProcStat.parse(
                "4119 (postgres) S 1 4119 4119 0 -1 4194560 9 0 0 0 30 20 700 300 20 0 1 0");

        assertThat(postmaster.ownTicks()).isEqualTo(50);
        assertThat(postmaster.ticksWithReapedChildren()).isEqualTo(1_050);
    }

    @Test
    void rejects_a_line_without_a_command_name() {
        assertThatThrownBy(() -> CpuAccounting.ProcStat.parse("4119 postgres S 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void machine_busy_time_is_everything_but_idle_and_iowait() {
        CpuAccounting.MachineTicks ticks = CpuAccounting.MachineTicks.parse(
                "cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\nintr 12345\n");

        assertThat(ticks.total()).isEqualTo(1_000);
        assertThat(ticks.busy()).isEqualTo(160);
    }

    @Test
    void cost_per_operation_splits_by_process_and_gives_the_ceiling_of_the_cores() {
        CpuAccounting.Snapshot before = new CpuAccounting.Snapshot(0,
                Map.of("bet-service", 1_000L, "postgres", 500L), Map.of(), new CpuAccounting.MachineTicks(0, 0));
        CpuAccounting.Snapshot after = new CpuAccounting.Snapshot(10_000_000_000L,
                Map.of("bet-service", 1_400L, "postgres", 600L), Map.of(), new CpuAccounting.MachineTicks(1_500, 2_000));

        CpuAccounting.Usage usage = CpuAccounting.usage("offer creation", before, after, 1_000, 100, 2);

        // 4 s + 1 s of CPU for 1,000 offers: 5 ms each, so 2 cores make at most 400 a second
        assertThat(usage.cpuMsPerOperation()).isCloseTo(5.0, within(1e-9));
        assertThat(usage.ceilingPerSecond()).isCloseTo(400.0, within(1e-9));
        assertThat(usage.machineUtilisation()).isCloseTo(0.75, within(1e-9));
        assertThat(usage.stackUtilisation()).isCloseTo(0.25, within(1e-9));
        assertThat(usage.split()).isEqualTo("bet-service 4.00 ms, postgres 1.00 ms");
    }

    @Test
    void the_idle_stack_s_cpu_over_the_window_is_not_charged_to_the_operations() {
        CpuAccounting.Snapshot before = new CpuAccounting.Snapshot(0, Map.of("bet-service", 0L), Map.of(),
                new CpuAccounting.MachineTicks(0, 0));
        CpuAccounting.Snapshot after = new CpuAccounting.Snapshot(10_000_000_000L, Map.of("bet-service", 600L), Map.of(),
                new CpuAccounting.MachineTicks(1_000, 2_000));

        // 6 s of CPU in 10 s, of which 0.5 CPU-s/s would have been spent idle: 1 s for 100 operations
        CpuAccounting.Usage usage = CpuAccounting.usage("offer creation", before, after, 100, 100, 2).withIdle(idle(0.5, 0));

        assertThat(usage.cpuMsPerOperation()).isCloseTo(60.0, within(1e-9));
        assertThat(usage.marginalCpuMsPerOperation()).isCloseTo(10.0, within(1e-9));
        // the idle stack keeps half a core: 1.5 cores / 10 ms
        assertThat(usage.marginalCeilingPerSecond()).isCloseTo(150.0, within(1e-9));
    }

    @Test
    void a_process_seen_only_after_the_window_opened_is_left_out() {
        CpuAccounting.Snapshot before = new CpuAccounting.Snapshot(0, Map.of("bet-service", 10L), Map.of(),
                new CpuAccounting.MachineTicks(0, 100));
        CpuAccounting.Snapshot after = new CpuAccounting.Snapshot(1_000_000_000L,
                Map.of("bet-service", 20L, "stats-service", 5_000L), Map.of(), new CpuAccounting.MachineTicks(50, 300));

        CpuAccounting.Usage usage = CpuAccounting.usage("accept race", before, after, 10, 100, 2);

        assertThat(usage.cpuSecondsByProcess()).containsOnlyKeys("bet-service");
    }

    @Test
    void the_jit_compiler_threads_are_left_out_of_the_compiled_price() {
        CpuAccounting.Snapshot before = new CpuAccounting.Snapshot(0, Map.of("bet-service", 0L),
                Map.of("bet-service", 0L), new CpuAccounting.MachineTicks(0, 0));
        CpuAccounting.Snapshot after = new CpuAccounting.Snapshot(10_000_000_000L, Map.of("bet-service", 900L),
                Map.of("bet-service", 300L), new CpuAccounting.MachineTicks(1_000, 2_000));

        // 9 s of CPU in 10 s, 3 s of it compiling; idle, the stack spends 0.5 CPU-s/s, 0.2 of it compiling:
        // 9 - 3 - (0.5 - 0.2) x 10 = 3 s for 100 operations
        CpuAccounting.Usage usage = CpuAccounting.usage("offers", before, after, 100, 100, 2).withIdle(idle(0.5, 0.2));

        assertThat(usage.jitSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(usage.compiledCpuMsPerOperation()).isCloseTo(30.0, within(1e-9));
        // the idle stack keeps 0.3 of a core without compiling: 1.7 cores / 30 ms
        assertThat(usage.compiledCeilingPerSecond()).isCloseTo(1.7 / 0.030, within(1e-9));
    }

    /** An idle window of 10 s that cost {@code cpuPerSecond}, {@code jitPerSecond} of it compiling. */
    private static CpuAccounting.Usage idle(double cpuPerSecond, double jitPerSecond) {
        return new CpuAccounting.Usage("idle", 0, 10, Map.of("all", cpuPerSecond * 10), jitPerSecond * 10, 0, 2,
                Double.NaN, Double.NaN);
    }
}
