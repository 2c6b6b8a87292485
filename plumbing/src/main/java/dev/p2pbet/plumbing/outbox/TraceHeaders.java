package dev.p2pbet.plumbing.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The current trace context as Kafka headers (W3C {@code traceparent}, ...), stored with an
 * outbox row and sent with its record: the relay publishes later, on another thread, where the
 * request's trace is gone.
 */
public interface TraceHeaders {

    TraceHeaders NONE = Map::of;

    Map<String, String> current();

    static TraceHeaders of(Tracer tracer, Propagator propagator) {
        return () -> {
            var context = tracer.currentTraceContext().context();
            Map<String, String> headers = new LinkedHashMap<>();
            if (context != null) {
                propagator.inject(context, headers, Map::put);
            }
            return headers;
        };
    }

    /** One {@code name=value} per line: header values of the trace formats never hold a newline. */
    static String encode(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return headers;
        }
        for (String line : encoded.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                headers.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return headers;
    }
}
