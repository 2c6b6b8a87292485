package dev.p2pbet.chaostests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The figures of every round, as the markdown table docs/reliability.md takes from target/reliability/chaos.md. */
final class ReliabilityTable {

    private final String title;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ReliabilityTable(String title) {
        this.title = title;
    }

    synchronized void add(Round.Result result) {
        Duplicates.Counts d = result.duplicates();
        rows.add("| " + String.join(" | ",
                result.scenario(),
                result.faults() + (d.crashPointsFired() == 0 ? "" : " (crash point fired " + d.crashPointsFired()
                        + "x)"),
                String.valueOf(result.bets()),
                result.inFlight().toString(),
                d.suppressed() + " (" + d.inboxHits() + " inbox, " + d.duplicateConfirmations() + " confirmations, "
                        + d.providerReplays() + " provider replays)",
                String.valueOf(d.reconcilerFixes()),
                seconds(result.recovery()),
                seconds(result.allFinal()),
                String.valueOf(result.stuckBets()),
                String.valueOf(result.payouts()),
                String.valueOf(result.paidTwice().size()),
                String.valueOf(result.moneyLost()),
                String.valueOf(result.moneyCreated()),
                result.problems().isEmpty() ? "hold" : "**" + result.problems().size() + " broken**",
                result.statuses()) + " |");
        result.problems().stream().limit(10).forEach(problem -> notes.add(result.scenario() + ": " + problem));
    }

    synchronized void failed(String scenario, Throwable failure) {
        rows.add("| " + scenario + " | | | | | | | | | | | | | **round failed** | " + oneLine(failure.getMessage())
                + " |");
        notes.add(scenario + ": " + oneLine(String.valueOf(failure)));
    }

    synchronized String markdown(Duration took) {
        StringBuilder text = new StringBuilder();
        text.append("### ").append(title).append("\n\n");
        text.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s. Each round: real bets "
                + "through the API (offers, accepts, one game simulated, one cancelled), faults landing while work is "
                + "in flight. In flight = bets between steady states / gateway transfers not settled / settlements "
                + "open, when the faults landed (summed over a round's phases; faults landing in the same phase count it "
                + "once). Recovery = longest time from a fault to its phase's work steady again (after "
                + "results: every bet final). Stuck = bets not final " + Round.ALL_FINAL.toMinutes()
                + " min after the last fault. Money lost/created: sum over all provider accounts of the shortfall/"
                + "excess against an independent money book, in minor units.\n\n");
        text.append("| scenario | faults injected | bets | in flight at the faults | duplicates suppressed | "
                + "reconciler fixes | recovery (s) | last fault to all final (s) | stuck bets | payouts | "
                + "bets paid twice | money lost | money created | invariants | final statuses |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        if (!notes.isEmpty()) {
            text.append("\nBroken checks:\n\n");
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString();
    }

    void write(Path file, Duration took) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown(took));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replace('\n', ' ').replace('|', '/');
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
