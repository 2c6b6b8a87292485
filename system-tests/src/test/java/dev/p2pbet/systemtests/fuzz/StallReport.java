package dev.p2pbet.systemtests.fuzz;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a fuzz run ended short of its count, in a few lines for the failure message: CI keeps the failure messages and
 * little else of a long log. It says which target was slow, what the answers were, whether each port still takes
 * connections (a listen socket's accept queue that stays full means nobody accepts), and what the JDK HTTP servers'
 * dispatcher threads in this JVM (the local entry point's) are doing, or that they are gone.
 */
final class StallReport {

    private static final int FINDINGS_SHOWN = 6;
    private static final int FRAMES_SHOWN = 12;

    private StallReport() {
    }

    static String describe(Tally tally, Map<String, URI> targets) {
        StringBuilder report = new StringBuilder("\nanswer times:");
        tally.latencyByTarget().forEach((target, latency) -> report.append("\n  ").append(target).append(": ")
                .append(latency));
        report.append("\nfindings:");
        tally.findings().stream().limit(FINDINGS_SHOWN).forEach(finding -> report.append("\n  ")
                .append(finding.count().sum()).append(" x ").append(finding.signature()));
        report.append("\nconnections waiting to be accepted:");
        targets.forEach((target, uri) -> report.append("\n  ").append(target).append(" :").append(uri.getPort())
                .append(" ").append(acceptQueue(uri.getPort())));
        report.append("\n").append(dispatcherThreads());
        return report.toString();
    }

    /** For a listening socket, /proc/net/tcp's rx_queue is the number of connections waiting to be accepted. */
    static String acceptQueue(int port) {
        String local = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 4 && fields[1].endsWith(local) && fields[3].equals("0A")) {
                        return String.valueOf(Long.parseLong(fields[4].split(":")[1], 16));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the rest of the report still stands
            }
        }
        return "not listening";
    }

    static String dispatcherThreads() {
        Map<Thread, StackTraceElement[]> dispatchers = Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getName().startsWith("HTTP-Dispatcher"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (dispatchers.isEmpty()) {
            return "no HTTP-Dispatcher thread alive in this JVM";
        }
        StringBuilder threads = new StringBuilder();
        dispatchers.forEach((thread, frames) -> {
            threads.append(thread.getName()).append(" ").append(thread.getState());
            Arrays.stream(frames).limit(FRAMES_SHOWN).forEach(frame -> threads.append("\n    at ").append(frame));
            threads.append("\n");
        });
        return threads.toString().stripTrailing();
    }
}
