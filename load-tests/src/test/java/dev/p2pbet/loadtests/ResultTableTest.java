package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final Path REPORTS = Path.of("load-tests/target/load-results/gatling");

    @Test
    void states_a_missed_target_with_what_limits_it_above_the_rows() {
        ResultTable table = new ResultTable();
        ResultTable.Row throughput = table.add("offer creation", "throughput (2xx)", "req/s", 2_000, true, 100,
                "pgbench tps", 8_000, "arrival rate 100/s");
        table.target("offer creation >= 2,000 req/s", throughput, "CPU: an offer cost 18.7 ms");

        String markdown = table.markdown(Sizes.named("medium"), "2 cores", REPORTS);

        assertThat(markdown).contains("| offer creation >= 2,000 req/s | 100 req/s (offer creation: throughput (2xx)) "
                + "| pgbench tps: 8,000 | 0.013 | MISSED | CPU: an offer cost 18.7 ms |");
        assertThat(markdown.indexOf("| target (issue 9) |")).isLessThan(markdown.indexOf("| scenario |"));
    }

    @Test
    void leaves_the_limit_out_for_a_met_target() {
        ResultTable table = new ResultTable();
        ResultTable.Row rss = table.add("memory", "bet-service peak RSS (VmHWM)", "MiB", 512, false, 436, "-",
                Double.NaN, "");
        table.target("each service <= 512 MiB RSS", rss, "the largest of the services' peaks");

        String markdown = table.markdown(Sizes.named("medium"), "2 cores", REPORTS);

        assertThat(markdown).contains("| each service <= 512 MiB RSS | 436 MiB (memory: bet-service peak RSS (VmHWM)) "
                + "| - | - | met | - |");
    }

    @Test
    void judges_no_target_of_a_smoke_run() {
        ResultTable table = new ResultTable();
        ResultTable.Row p99 = table.add("offer creation", "p99", "ms", 25, false, 300, "pgbench avg", 2, "");
        table.target("offer creation p99 <= 25 ms", p99, "queueing for the CPU");

        String markdown = table.markdown(Sizes.named("smoke"), "2 cores", REPORTS);

        assertThat(markdown).contains("| offer creation p99 <= 25 ms | 300 ms (offer creation: p99) | pgbench avg: 2.00 "
                + "| 150.000 | - | - |");
    }

    @Test
    void a_run_without_targets_has_no_targets_table() {
        ResultTable table = new ResultTable();
        table.add("outbox relay", "commit -> broker append p99", "ms", Double.NaN, false, 26, "-", Double.NaN, "");

        assertThat(table.markdown(Sizes.named("medium"), "2 cores", REPORTS)).doesNotContain("| target (issue 9) |");
    }

    @Test
    void prints_a_ratio_far_below_its_baseline_with_two_significant_digits() {
        ResultTable table = new ResultTable();
        ResultTable.Row ceiling = table.add("settlement", "CPU ceiling", "bets/s", 3_333, true, 48,
                "plain SQL (bets/s)", 100_000, "");
        table.target("100k matched bets settled and paid <= 30 s", ceiling, "CPU");

        String markdown = table.markdown(Sizes.named("medium"), "2 cores", REPORTS);

        assertThat(markdown).contains("| plain SQL (bets/s): 100,000 | 0.00048 | MISSED | CPU |");
    }
}
