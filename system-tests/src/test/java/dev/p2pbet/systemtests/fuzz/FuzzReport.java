package dev.p2pbet.systemtests.fuzz;

import dev.p2pbet.systemtests.fuzz.Tally.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The figures of a run as markdown, for the console and for {@code target/reliability/fuzz.md}. */
record FuzzReport(long seed, int concurrency, Tally tally, Duration duration, int tablesChecked, long rowsBefore,
                  List<String> tablesChanged, long providerTotalChange, List<String> providerAccountsChanged) {

    String markdown() {
        long sent = tally.sent();
        double seconds = Math.max(0.001, duration.toMillis() / 1000.0);
        Map<String, Long> byTarget = tally.byTarget();
        long entry = byTarget.getOrDefault(FuzzRequest.ENTRY_POINT, 0L);
        StringBuilder out = new StringBuilder();
        out.append("## Fuzzing: malformed and boundary requests\n\n")
                .append("| Figure | Value |\n|---|---|\n")
                .append(row("Seed", Long.toString(seed)))
                .append(row("Requests sent", Long.toString(sent)))
                .append(row("Through the API entry point / the services' own ports", entry + " / " + (sent - entry)))
                .append(row("Duration", String.format("%.1f s (%.0f requests/s, %d concurrent)", seconds,
                        sent / seconds, concurrency)))
                .append(row("2xx (safe methods: reads, OPTIONS, HEAD)", Long.toString(tally.byStatusClass(2))))
                .append(row("4xx", Long.toString(tally.byStatusClass(4))))
                .append(row("5xx", Long.toString(tally.byStatusClass(5))))
                .append(row("Refusals that are not problem+json", Long.toString(tally.count(Outcome.NOT_PROBLEM_JSON))))
                .append(row("Unsafe requests that succeeded (excluded from nothing-written: none allowed)",
                        Long.toString(tally.count(Outcome.UNSAFE_SUCCESS))))
                .append(row("Other statuses (1xx, 3xx)", Long.toString(tally.count(Outcome.OTHER_STATUS))))
                .append(row("Transport errors (no answer)", Long.toString(tally.count(Outcome.TRANSPORT_ERROR))))
                .append(row("Known deviations, not failed (listed under findings; -Dfuzz.strict=true fails them): the local entry point's JDK HttpServer answers a path starting with // in HTML itself; a service's own port may reset a request whose head is over Tomcat's 8 KiB before its 400",
                        Long.toString(tally.count(Outcome.KNOWN_DEVIATION))))
                .append(row("Tables checked (5 databases, rows checksummed)", tablesChecked + " tables, "
                        + rowsBefore + " rows"))
                .append(row("Tables written", tablesChanged.size() + (tablesChanged.isEmpty() ? ""
                        : " " + String.join("; ", tablesChanged))))
                .append(row("Provider accounts changed / change of their sum", providerAccountsChanged.size() + " / "
                        + providerTotalChange))
                .append("\n### Per endpoint\n\n")
                .append("| Endpoint | Sent | 2xx | 4xx problem+json | 5xx | 4xx not problem+json | unsafe 2xx | other/known |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        tally.byEndpoint().forEach((endpoint, counts) -> out.append("| `").append(endpoint.label()).append("` | ")
                .append(tally.sent(endpoint)).append(" | ")
                .append(counts.get(Outcome.SUCCEEDED)).append(" | ")
                .append(counts.get(Outcome.REFUSED)).append(" | ")
                .append(counts.get(Outcome.SERVER_ERROR)).append(" | ")
                .append(counts.get(Outcome.NOT_PROBLEM_JSON)).append(" | ")
                .append(counts.get(Outcome.UNSAFE_SUCCESS)).append(" | ")
                .append(counts.get(Outcome.OTHER_STATUS) + counts.get(Outcome.TRANSPORT_ERROR)
                        + counts.get(Outcome.KNOWN_DEVIATION)).append(" |\n"));
        out.append("\n### Answer times per target\n\n| Target | Answers |\n|---|---|\n");
        tally.latencyByTarget().forEach((target, latency) -> out.append(row(target, latency.toString())));
        out.append("\n### Per status\n\n| Status | Answers |\n|---|---:|\n");
        tally.byStatus().forEach((status, count) -> out.append("| ").append(status).append(" | ").append(count)
                .append(" |\n"));
        List<Tally.Finding> findings = tally.findings();
        if (!findings.isEmpty()) {
            out.append("\n### Findings (one request each; replay with -Dfuzz.seed=").append(seed)
                    .append(" -Dfuzz.replay=<#>)\n\n");
            for (Tally.Finding finding : findings) {
                out.append("- ").append(finding.count().sum()).append(" x ").append(finding.signature())
                        .append("\n\n```\n").append(finding.example()).append("\n```\n");
            }
        }
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String row(String figure, String value) {
        return "| " + figure + " | " + value + " |\n";
    }
}
