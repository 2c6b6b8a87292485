package dev.p2pbet.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the stack's own tools (the demo, the account check): every call times out. */
public final class JsonHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    /** A response: status and body, parsed when it is JSON. */
    public record Response(String method, URI uri, int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (RuntimeException e) {
                throw new IllegalStateException(method + " " + uri + " answered " + status + " with no JSON: " + body, e);
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The JSON body, or an exception that says what the call answered instead. */
        public JsonNode expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return json();
                }
            }
            throw new IllegalStateException(method + " " + uri + " answered " + status + " (wanted "
                    + java.util.Arrays.toString(statuses) + "): " + body);
        }
    }

    public Response get(URI uri, Map<String, String> headers) {
        return send("GET", uri, headers, null);
    }

    public Response post(URI uri, Map<String, String> headers, Object body) {
        return send("POST", uri, headers, body);
    }

    public Response put(URI uri, Map<String, String> headers, Object body) {
        return send("PUT", uri, headers, body);
    }

    public Response send(String method, URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method, uri, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + uri, e);
        }
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }
}
