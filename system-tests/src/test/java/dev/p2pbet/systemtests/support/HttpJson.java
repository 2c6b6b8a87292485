package dev.p2pbet.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP, as a client outside the platform speaks it. Every call answers; nothing throws on a 4xx/5xx. */
public final class HttpJson {

    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An answer: status, body as JSON (null when empty or not JSON) and the raw text. */
    public record Response(int status, JsonNode body, String text, Map<String, String> headers) {

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        public <T> T as(Class<T> type) {
            return JSON.treeToValue(body, type);
        }

        /** The refusal's reason: {@code reason} (the platform) or {@code code} (the wallet provider). */
        public String reason() {
            if (body == null) {
                return null;
            }
            JsonNode reason = body.has("reason") ? body.get("reason") : body.get("code");
            return reason == null ? null : reason.asString();
        }

        public Response expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": expected HTTP " + expected + " but got " + status + " " + text);
            }
            return this;
        }

        public Response expect2xx(String what) {
            if (!is2xx()) {
                throw new AssertionError(what + ": expected a 2xx but got " + status + " " + text);
            }
            return this;
        }
    }

    private final Map<String, String> headers;

    private HttpJson(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    public static HttpJson anonymous() {
        return new HttpJson(Map.of());
    }

    public static HttpJson bearer(String token) {
        return new HttpJson(Map.of("Authorization", "Bearer " + token));
    }

    public HttpJson withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpJson(more);
    }

    public Response get(URI uri) {
        return send(builder(uri).GET());
    }

    public Response post(URI uri, Object body) {
        return send(builder(uri).POST(bodyOf(body)));
    }

    public Response put(URI uri, Object body) {
        return send(builder(uri).PUT(bodyOf(body)));
    }

    public Response delete(URI uri) {
        return send(builder(uri).DELETE());
    }

    private HttpRequest.Builder builder(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            return new Response(response.statusCode(), parse(response.body()), response.body(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
