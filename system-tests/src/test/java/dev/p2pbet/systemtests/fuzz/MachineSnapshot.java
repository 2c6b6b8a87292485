package dev.p2pbet.systemtests.fuzz;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the machine and this JVM were doing when a progress line was written: load, this JVM's heap and time in GC,
 * and the machine's TCP sockets by state. A slow run then says whether the machine was busy, this JVM (the entry
 * point's and the broker's) collected garbage, or connections hung in SYN or piled up in TIME_WAIT.
 */
final class MachineSnapshot {

    /** TCP states as /proc/net/tcp numbers them. */
    private static final Map<String, String> TCP_STATES = Map.of("01", "established", "02", "syn-sent",
            "03", "syn-recv", "04", "fin-wait1", "05", "fin-wait2", "06", "time-wait", "08", "close-wait",
            "09", "last-ack", "0A", "listen", "0B", "closing");

    private MachineSnapshot() {
    }

    static String describe() {
        return "load " + loadAverage() + "; this JVM: " + heap() + ", " + gcMillis() + " ms in GC since its start"
                + "; TCP sockets " + tcpStates();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String heap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return "heap " + heap.getUsed() / (1024 * 1024) + " of " + heap.getMax() / (1024 * 1024) + " MiB";
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    private static Map<String, Integer> tcpStates() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3) {
                        counts.merge(TCP_STATES.getOrDefault(fields[3], fields[3]), 1, Integer::sum);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or no IPv6: what could be read is enough
            }
        }
        return counts;
    }
}
