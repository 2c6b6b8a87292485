package dev.p2pbet.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One process's CPU by kind of thread, from {@code /proc/<pid>/task/<tid>/stat}: threads are grouped by their name
 * with numbers dropped ({@code kafka-request-handler-3} and {@code -5} are one group). The test JVM holds the
 * in-process Kafka broker, the API entry point and Gatling at once; this tells their CPU apart without a profiler.
 * A thread that ends inside a window takes its ticks with it, so the groups are a lower bound of the process's CPU.
 */
final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Ticks so far of each thread group of {@code pid}; empty when the process is gone. */
    static Map<String, Long> ticksByGroup(long pid) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    CpuAccounting.ProcStat stat = CpuAccounting.ProcStat.parse(Files.readString(thread.resolve("stat")));
                    ticks.merge(group(stat.comm()), stat.ownTicks(), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** A thread's group: its name (cut at 15 characters by Linux) without the numbers that follow a separator. */
    static String group(String threadName) {
        String group = threadName.replaceAll("[-_#.: ]+[0-9]+", "");
        return group.isEmpty() ? threadName : group;
    }

    /**
     * The groups' share of the window between two readings, largest first, those under 2 % left out:
     * "kafka-request-handler 31 %, gatling 22 %, ...".
     */
    static String shares(Map<String, Long> before, Map<String, Long> after, long ticksPerSecond, long operations) {
        Map<String, Long> window = new LinkedHashMap<>();
        after.forEach((group, ticks) -> window.put(group, Math.max(0, ticks - before.getOrDefault(group, 0L))));
        long total = window.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "no CPU in the window";
        }
        return window.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 50 >= total)
                .map(e -> String.format("%s %.0f %% (%.2f ms per operation)", e.getKey(), 100.0 * e.getValue() / total,
                        1000.0 * e.getValue() / ticksPerSecond / Math.max(1, operations)))
                .collect(Collectors.joining(", "));
    }
}
