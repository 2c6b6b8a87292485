package dev.p2pbet.loadtests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A service's GC pauses under load, from its flight recording. The recording's own view ({@code jfr view gc-pauses})
 * covers the whole run, so its p99 and maximum were the start's and the warm-up's full collections (metaspace and code
 * cache thresholds, while classes load and methods compile) and the harness's own heap histograms ({@code jcmd
 * GC.class_histogram} collects first): pauses of up to 1.5 s, none of them what the load costs. Here only the
 * collections of the scenarios' window count, without the harness's; the whole run's stay beside them.
 */
final class GcPauses {

    /** What {@code jcmd GC.class_histogram} makes the JVM collect for: the harness's doing, not the load's. */
    static final String HEAP_INSPECTION = "Heap Inspection Initiated GC";

    /** One collection: its collector ({@code DefNew}, {@code SerialOld}, ...), why it ran, and its pauses' sum. */
    record Pause(long gcId, Instant start, String collector, String cause, double millis) {

        String describe() {
            return String.format("%.0f ms %s (%s)", millis, collector, cause);
        }
    }

    /** The pauses of a window: how many, their sum, p99 (nearest rank) and the longest. */
    record Summary(long count, double totalMs, double p99Ms, Pause longest) {

        static Summary of(List<Pause> pauses) {
            List<Pause> sorted = pauses.stream().sorted(Comparator.comparingDouble(Pause::millis)).toList();
            if (sorted.isEmpty()) {
                return new Summary(0, 0, Double.NaN, null);
            }
            int rank = (int) Math.ceil(0.99 * sorted.size()) - 1;
            return new Summary(sorted.size(), sorted.stream().mapToDouble(Pause::millis).sum(),
                    sorted.get(rank).millis(), sorted.getLast());
        }

        String describe() {
            return count == 0 ? "no pauses" : String.format("%d %s, %,.0f ms in all, p99 %.1f ms, the longest %s",
                    count, count == 1 ? "pause" : "pauses", totalMs, p99Ms, longest.describe());
        }
    }

    private GcPauses() {
    }

    /** Every collection in the recording, in the order recorded. */
    static List<Pause> read(Path recording) throws IOException {
        // a recording dumped more than once can hold a collection twice: its id is unique within the JVM
        Map<Long, Pause> pauses = new LinkedHashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
                    Pause pause = new Pause(event.getLong("gcId"), event.getStartTime(), event.getString("name"),
                            event.getString("cause"), event.getDuration("sumOfPauses").toNanos() / 1e6);
                    pauses.putIfAbsent(pause.gcId(), pause);
                }
            }
        }
        return List.copyOf(pauses.values());
    }

    /** The pauses under load: collections from {@code from} on, the harness's heap histograms left out. */
    static Summary underLoad(List<Pause> pauses, Instant from) {
        return Summary.of(pauses.stream()
                .filter(pause -> !pause.start().isBefore(from) && !HEAP_INSPECTION.equals(pause.cause()))
                .toList());
    }

    /** Every pause of the run: the start, the warm-up and the harness's histograms included. */
    static Summary wholeRun(List<Pause> pauses) {
        return Summary.of(pauses);
    }
}
