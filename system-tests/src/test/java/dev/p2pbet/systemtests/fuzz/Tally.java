package dev.p2pbet.systemtests.fuzz;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** What the fuzzer saw, per endpoint and status, and the findings: one example request per kind of failure. */
final class Tally {

    enum Outcome {
        SUCCEEDED, REFUSED, SERVER_ERROR, NOT_PROBLEM_JSON, UNSAFE_SUCCESS, OTHER_STATUS, TRANSPORT_ERROR,
        /** A deviation already reported to the owner of the module at fault; listed, not failed. */
        KNOWN_DEVIATION
    }

    /** A kind of failure (outcome, endpoint, status, content type) with its first request and how often it came. */
    record Finding(String signature, String example, LongAdder count) {
    }

    private final Map<Endpoint, Map<Outcome, LongAdder>> byEndpoint = new EnumMap<>(Endpoint.class);
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, Finding> findings = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final Map<String, Latency> latencyByTarget = new ConcurrentHashMap<>();

    Tally() {
        for (Endpoint endpoint : Endpoint.values()) {
            Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new LongAdder());
            }
            byEndpoint.put(endpoint, Collections.unmodifiableMap(outcomes));
        }
    }

    void record(FuzzRequest request, int status, Outcome outcome, long nanos) {
        sent.increment();
        latencyByTarget.computeIfAbsent(request.target(), t -> new Latency()).add(nanos);
        byEndpoint.get(request.endpoint()).get(outcome).increment();
        if (status > 0) {
            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    /** Counts a finding; true when it is the first of its kind. */
    boolean finding(String signature, String example) {
        boolean[] first = {false};
        findings.computeIfAbsent(signature, s -> {
            first[0] = true;
            return new Finding(s, example, new LongAdder());
        }).count().increment();
        return first[0];
    }

    /** How long the answers took, per target (the entry point or a service's own port). */
    Map<String, Latency> latencyByTarget() {
        return new TreeMap<>(latencyByTarget);
    }

    long sent() {
        return sent.sum();
    }

    long count(Outcome outcome) {
        return byEndpoint.values().stream().mapToLong(outcomes -> outcomes.get(outcome).sum()).sum();
    }

    long count(Endpoint endpoint, Outcome outcome) {
        return byEndpoint.get(endpoint).get(outcome).sum();
    }

    long sent(Endpoint endpoint) {
        return byEndpoint.get(endpoint).values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<Integer, Long> byStatus() {
        Map<Integer, Long> sorted = new TreeMap<>();
        byStatus.forEach((status, count) -> sorted.put(status, count.sum()));
        return sorted;
    }

    Map<String, Long> byTarget() {
        Map<String, Long> sorted = new TreeMap<>();
        latencyByTarget.forEach((target, latency) -> sorted.put(target, latency.count()));
        return sorted;
    }

    long byStatusClass(int hundreds) {
        return byStatus().entrySet().stream().filter(e -> e.getKey() / 100 == hundreds).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** The findings that fail the run: all but the known deviations. */
    List<Finding> failures() {
        return findings().stream().filter(finding -> !finding.signature().startsWith(Outcome.KNOWN_DEVIATION.name()))
                .toList();
    }

    List<Finding> findings() {
        return findings.values().stream()
                .sorted((a, b) -> Long.compare(b.count().sum(), a.count().sum())).toList();
    }

    Map<Endpoint, Map<Outcome, Long>> byEndpoint() {
        Map<Endpoint, Map<Outcome, Long>> copy = new LinkedHashMap<>();
        byEndpoint.forEach((endpoint, outcomes) -> {
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
            copy.put(endpoint, counts);
        });
        return copy;
    }

    /** Answer times of one target: a slow answer says which part of the platform holds the run up. */
    static final class Latency {

        static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(1);

        private final LongAdder count = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAdder slow = new LongAdder();
        private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

        long count() {
            return count.sum();
        }

        void add(long nanos) {
            count.increment();
            totalNanos.add(nanos);
            maxNanos.accumulate(nanos);
            if (nanos >= SLOW_NANOS) {
                slow.increment();
            }
        }

        @Override
        public String toString() {
            long n = count.sum();
            return String.format("%d answers, mean %d ms, max %d ms, %d over 1 s", n,
                    n == 0 ? 0 : totalNanos.sum() / n / 1_000_000, maxNanos.get() / 1_000_000, slow.sum());
        }
    }
}
