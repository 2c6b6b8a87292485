package dev.p2pbet.loadtests;

import io.gatling.javaapi.core.Session;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every response time Gatling measured for a request, as the simulation saw it ({@code responseTimeInMillis} saved in
 * the session): Gatling 3.14 renders its statistics into HTML only, so the figures for the tables are kept here.
 */
final class Latencies {

    static final String RESPONSE_TIME = "responseTime";
    static final String STATUS = "responseStatus";

    private final Map<String, ConcurrentLinkedQueue<Integer>> okTimes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Records the session's last response: ok when its status is one of {@code okStatuses}. */
    Session record(String request, Session session, int... okStatuses) {
        boolean ok = !session.isFailed() && session.contains(STATUS)
                && Arrays.stream(okStatuses).anyMatch(status -> status == session.getInt(STATUS));
        if (ok && session.contains(RESPONSE_TIME)) {
            okTimes.computeIfAbsent(request, r -> new ConcurrentLinkedQueue<>()).add(session.getInt(RESPONSE_TIME));
        } else {
            errors.computeIfAbsent(request, r -> new LongAdder()).increment();
        }
        return session;
    }

    /** Drops what was recorded for {@code request}, so a warm-up's answers do not count in the measured run. */
    void forget(String request) {
        okTimes.remove(request);
        errors.remove(request);
    }

    /** Percentiles of the successful responses' times; errors counted apart. */
    GatlingRunner.RequestStats stats(String request, double seconds) {
        double[] sorted = okTimes.getOrDefault(request, new ConcurrentLinkedQueue<>()).stream()
                .mapToDouble(Integer::doubleValue).sorted().toArray();
        long ko = errors.getOrDefault(request, new LongAdder()).sum();
        Sql.Percentiles ok = Sql.Percentiles.ofSorted(sorted);
        return new GatlingRunner.RequestStats(request, sorted.length + ko, sorted.length, ko, ok.p50(), ok.p95(),
                ok.p99(), ok.p999(), seconds <= 0 ? Double.NaN : sorted.length / seconds);
    }
}
