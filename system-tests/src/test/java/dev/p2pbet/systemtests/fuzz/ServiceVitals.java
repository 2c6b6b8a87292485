package dev.p2pbet.systemtests.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A service's heap, time in GC, busy refusals and number of metric series, read off its Prometheus endpoint: a
 * service that answers the fuzzer slowly shows whether it is short of heap (the tests give each 384 MiB), busy,
 * or growing a series per request.
 */
final class ServiceVitals {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    String describe(Map<String, URI> services) {
        StringBuilder out = new StringBuilder();
        services.forEach((service, base) -> out.append("\n  ").append(service).append(": ").append(describe(base)));
        return out.toString();
    }

    String describe(URI base) {
        long began = System.nanoTime();
        String text;
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create(base.toString().replaceAll("/+$", "") + "/actuator/prometheus"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "metrics answered " + response.statusCode();
            }
            text = response.body();
        } catch (IOException e) {
            return "no metrics (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no metrics (interrupted)";
        }
        long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        return String.format("heap %d MiB used, GC %.1f s in %d pauses, %d refused busy, %d series (read in %d ms)",
                (long) (sum(text, "jvm_memory_used_bytes{", "area=\"heap\"") / (1024 * 1024)),
                sum(text, "jvm_gc_pause_seconds_sum{", ""), (long) sum(text, "jvm_gc_pause_seconds_count{", ""),
                (long) sum(text, "request_limit_refused_total", ""), text.lines().filter(line -> !line.startsWith("#"))
                        .count(), millis);
    }

    /** The sum of the samples of the series whose line starts with {@code prefix} and contains {@code label}. */
    private static double sum(String text, String prefix, String label) {
        return text.lines().filter(line -> line.startsWith(prefix) && line.contains(label))
                .mapToDouble(line -> {
                    try {
                        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }).sum();
    }
}
