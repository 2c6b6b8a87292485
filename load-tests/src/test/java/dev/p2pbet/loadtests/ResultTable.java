package dev.p2pbet.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The figures of a run as docs/benchmarks.md shows them: first the targets, each with the row that judges it
 * and, for a miss, what the same run measured to limit it; then per row the target, the measured figure, its baseline
 * and the ratio, and a verdict (none for a smoke run, whose sizes are too small to judge).
 */
final class ResultTable {

    /** A higher-is-better or lower-is-better target; NaN when the issue sets none for the figure. */
    record Row(String scenario, String figure, String unit, double target, boolean higherIsBetter, double measured,
               String baselineName, double baseline, String note) {

        String verdict(boolean judged) {
            if (!judged || Double.isNaN(target)) {
                return "-";
            }
            if (Double.isNaN(measured)) {
                return "not measured";
            }
            return (higherIsBetter ? measured >= target : measured <= target) ? "met" : "MISSED";
        }

        double ratio() {
            return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : measured / baseline;
        }
    }

    /**
     * One of the targets, judged by {@code row}; {@code limitedBy} says what this run measured to stand in its
     * way (shown for a miss only, so a fresh clone's document states the reason of its own misses).
     */
    record Target(String target, Row row, String limitedBy) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    // scenario threads add facts while the harness waits on them
    private final List<String> facts = Collections.synchronizedList(new ArrayList<>());

    Row add(String scenario, String figure, String unit, double target, boolean higherIsBetter, double measured,
            String baselineName, double baseline, String note) {
        Row row = new Row(scenario, figure, unit, target, higherIsBetter, measured, baselineName, baseline, note);
        rows.add(row);
        return row;
    }

    /** Names one of the targets, judged by one of this table's rows, for the summary above the rows. */
    void target(String target, Row row, String limitedBy) {
        targets.add(new Target(target, row, limitedBy));
    }

    void fact(String line) {
        facts.add(line);
    }

    List<Row> rows() {
        return rows;
    }

    List<Target> targets() {
        return targets;
    }

    String markdown(Sizes sizes, String machine, Path reports) {
        boolean judged = !sizes.smoke();
        StringBuilder out = new StringBuilder();
        out.append("### Run of ").append(Instant.now()).append(", size `").append(sizes.name()).append("`\n\n");
        out.append("Machine: ").append(machine).append("  \n");
        out.append("Sizes: ").append(sizes).append("  \n");
        out.append("Gatling HTML reports: `").append(reports).append("`\n\n");
        if (!targets.isEmpty()) {
            out.append("| target (issue 9) | measured | baseline | ratio | verdict | what limits it (measured in this run) |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (Target target : targets) {
                Row row = target.row();
                String verdict = row.verdict(judged);
                out.append("| ").append(target.target())
                        .append(" | ").append(number(row.measured())).append(" ").append(row.unit())
                        .append(" (").append(row.scenario()).append(": ").append(row.figure()).append(")")
                        .append(" | ").append(baseline(row))
                        .append(" | ").append(ratio(row))
                        .append(" | ").append(verdict)
                        .append(" | ").append("MISSED".equals(verdict) ? target.limitedBy() : "-").append(" |\n");
            }
            out.append("\n");
        }
        out.append("| scenario | figure | target | measured | baseline | ratio | verdict | note |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.scenario()).append(" | ").append(row.figure()).append(" | ")
                    .append(Double.isNaN(row.target()) ? "-" : (row.higherIsBetter() ? ">= " : "<= ")
                            + number(row.target()) + " " + row.unit())
                    .append(" | ").append(number(row.measured())).append(" ").append(row.unit())
                    .append(" | ").append(baseline(row))
                    .append(" | ").append(ratio(row))
                    .append(" | ").append(row.verdict(judged)).append(" | ").append(row.note()).append(" |\n");
        }
        if (!facts.isEmpty()) {
            out.append("\n");
            facts.forEach(fact -> out.append("- ").append(fact).append("\n"));
        }
        return out.append("\n").toString();
    }

    private static String baseline(Row row) {
        return Double.isNaN(row.baseline()) ? "-" : row.baselineName() + ": " + number(row.baseline());
    }

    private static String ratio(Row row) {
        double ratio = row.ratio();
        if (Double.isNaN(ratio)) {
            return "-";
        }
        // a miss by orders of magnitude must not print as 0.000: below 0.01, two significant digits
        return ratio >= 0.01 || ratio == 0 ? String.format("%.3f", ratio)
                : new BigDecimal(ratio).round(new MathContext(2)).toPlainString();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    /** Writes the tables to {@code file}, replacing what stood after the marker line (the document's prose stays). */
    static void writeInto(Path file, String tables) {
        String marker = "<!-- results: written by load-tests (ResultTable); everything below is replaced by a run -->";
        try {
            String head = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
            int at = head.indexOf(marker);
            head = at < 0 ? head + "\n" + marker + "\n" : head.substring(0, at + marker.length()) + "\n";
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, head + "\n" + tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
