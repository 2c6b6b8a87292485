package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.PlatformStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How many methods each service JVM compiled and how long it collected garbage, from HotSpot's own performance
 * counters ({@code jcmd <pid> PerfCounter.print}). Read before and after a window, they tell whether a "warm" JVM is
 * still compiling and how much of the window the collector took. (The compilers' CPU is {@link CpuAccounting}'s: the
 * counters' compile time is elapsed time, which a busy machine stretches.)
 */
final class HotSpotCounters {

    /** One service's counters at one moment: compilations so far, seconds in the collectors so far. */
    record Reading(long compiles, double gcSeconds) {

        Reading minus(Reading earlier) {
            return new Reading(compiles - earlier.compiles, gcSeconds - earlier.gcSeconds);
        }
    }

    private final Path jcmd;

    HotSpotCounters() {
        this.jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    }

    /** Every service's counters now; a service whose counters cannot be read is left out. */
    Map<String, Reading> read(PlatformStack stack) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        ServiceProcesses.pids(stack).forEach((module, pid) -> {
            Map<String, String> counters = counters(pid);
            if (!counters.isEmpty()) {
                readings.put(module, parse(counters));
            }
        });
        return readings;
    }

    /** Each service's counters between two readings, as a note: "bet-service 12 compilations, GC 0.40 s". */
    static String between(Map<String, Reading> before, Map<String, Reading> after) {
        return after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()))
                .map(e -> {
                    Reading d = e.getValue().minus(before.get(e.getKey()));
                    return String.format("%s %,d compilations, GC %.2f s", e.getKey(), d.compiles(), d.gcSeconds());
                })
                .collect(Collectors.joining("; "));
    }

    static Reading parse(Map<String, String> counters) {
        double frequency = number(counters, "sun.os.hrt.frequency", 1e9);
        double gcTicks = counters.entrySet().stream()
                .filter(e -> e.getKey().matches("sun\\.gc\\.collector\\.[0-9]+\\.time"))
                .mapToDouble(e -> Double.parseDouble(e.getValue()))
                .sum();
        return new Reading((long) number(counters, "sun.ci.totalCompiles", 0), gcTicks / frequency);
    }

    private static double number(Map<String, String> counters, String name, double otherwise) {
        try {
            return counters.containsKey(name) ? Double.parseDouble(counters.get(name)) : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private Map<String, String> counters(long pid) {
        Map<String, String> counters = new LinkedHashMap<>();
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), "PerfCounter.print"))
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().map(line -> line.split("=", 2)).filter(kv -> kv.length == 2)
                        .forEach(kv -> counters.put(kv[0].trim(), kv[1].trim()));
            }
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Map.of();
            }
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return counters;
    }
}
