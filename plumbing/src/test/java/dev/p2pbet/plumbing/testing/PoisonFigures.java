package dev.p2pbet.plumbing.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a poison-message test, one row per poison class, printed and written as a markdown
 * table to {@code target/reliability/poison-<name>.md} for docs/reliability.md.
 */
public final class PoisonFigures {

    private final String name;
    private final List<String> rows = new ArrayList<>();

    public PoisonFigures(String name) {
        this.name = name;
    }

    /** One poison class on one topic; use -1 for a figure that does not apply ("-"). */
    public synchronized PoisonFigures row(String topic, String poisonClass, int injected, int deadLetteredWithReason,
                                          int replayed, int processedAfterReplay, int partitionsBlocked) {
        rows.add("| " + topic + " | " + poisonClass + " | " + figure(injected) + " | " + figure(deadLetteredWithReason)
                + " | " + figure(replayed) + " | " + figure(processedAfterReplay) + " | " + figure(partitionsBlocked) + " |");
        return this;
    }

    public synchronized String table() {
        StringBuilder table = new StringBuilder("## poison-" + name + "\n\n"
                + "| topic | poison class | records injected | DLT records with reason | replayed"
                + " | processed after replay | partitions blocked |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> table.append(row).append('\n'));
        return table.toString();
    }

    /** Prints the table and writes it under the module's {@code target/reliability}. */
    public synchronized void write() {
        String table = table();
        System.out.println(table);
        try {
            Path file = Path.of("target", "reliability", "poison-" + name + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String figure(int value) {
        return value < 0 ? "-" : Integer.toString(value);
    }
}
