package dev.p2pbet.localstack.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.p2pbet.testinfra.support.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entry point in front of real HTTP servers standing for the services (each answers with what it received), so
 * every behaviour is checked on the wire: routing, headers, bodies, streaming, CORS and the problem answers.
 */
class EntryPointIT {

    private static final String FRONTEND = "http://localhost:3000";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private static final Map<String, HttpServer> backends = new java.util.HashMap<>();
    private static volatile CountDownLatch streamRelease = new CountDownLatch(1);
    private static EntryPoint entryPoint;
    private static int downPort;

    record Received(String service, String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    }

    @BeforeAll
    static void start() throws IOException {
        for (String service : List.of(PlatformRoutes.BET, PlatformRoutes.WALLET_GATEWAY, PlatformRoutes.STATS)) {
            backends.put(service, echoServer(service));
        }
        downPort = Ports.freePort();
        Map<String, URI> urls = new java.util.HashMap<>();
        backends.forEach((service, server) -> urls.put(service, URI.create("http://localhost:" + server.getAddress().getPort())));
        urls.put(PlatformRoutes.SETTLEMENT, URI.create("http://localhost:" + downPort)); // nothing listens there
        entryPoint = EntryPoint.start(0, PlatformRoutes.all(), urls, FRONTEND);
    }

    @AfterAll
    static void stop() {
        streamRelease.countDown();
        entryPoint.close();
        backends.values().forEach(server -> server.stop(0));
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    @Test
    void routes_each_api_to_its_service_with_path_and_query_unchanged() throws Exception {
        assertThat(get("/api/bets?status=open&limit=5").statusCode()).isEqualTo(200);
        assertThat(next()).extracting(Received::service, Received::pathAndQuery)
                .containsExactly(PlatformRoutes.BET, "/api/bets?status=open&limit=5");

        get("/api/wallets/me");
        assertThat(next().service()).isEqualTo(PlatformRoutes.WALLET_GATEWAY);
        get("/api/stats/leaderboard?by=profit");
        assertThat(next()).extracting(Received::service, Received::pathAndQuery)
                .containsExactly(PlatformRoutes.STATS, "/api/stats/leaderboard?by=profit");
        get("/api/admin/games");
        assertThat(next().service()).isEqualTo(PlatformRoutes.STATS);
    }

    @Test
    void passes_authorization_traceparent_and_every_other_header_on() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        send(HttpRequest.newBuilder(url("/api/bets")).header("Authorization", "Bearer abc.def.ghi")
                .header("traceparent", traceparent).header("Idempotency-Key", "click-1")
                .header("X-Custom", "kept").GET());

        Received request = next();
        assertThat(header(request, "Authorization")).isEqualTo("Bearer abc.def.ghi");
        assertThat(header(request, "traceparent")).isEqualTo(traceparent);
        assertThat(header(request, "Idempotency-Key")).isEqualTo("click-1");
        assertThat(header(request, "X-Custom")).isEqualTo("kept");
        assertThat(header(request, "X-Forwarded-Host")).isEqualTo("localhost:" + entryPoint.port());
    }

    @Test
    void passes_the_body_on_and_the_answer_back_with_status_and_headers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stakeMinor\":1000}")));

        Received request = next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo("{\"stakeMinor\":1000}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/bets/created-1");
        assertThat(response.body()).isEqualTo("POST /api/bets {\"stakeMinor\":1000}");
    }

    @Test
    void streams_server_sent_events_as_the_service_sends_them() throws Exception {
        streamRelease = new CountDownLatch(1);
        HttpResponse<InputStream> response = CLIENT.send(HttpRequest.newBuilder(url("/api/bets/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream events = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            // The service holds the stream open until released: the first event must arrive before that.
            String first = readUntil(events, "\n\n");
            assertThat(first).isEqualTo("event:subscribed\ndata:{}\n\n");
            streamRelease.countDown();
            assertThat(readUntil(events, "\n\n")).isEqualTo("event:lobby\ndata:{\"betId\":\"b-1\"}\n\n");
        }
    }

    @Test
    void answers_the_frontends_cors_preflight() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bets"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", FRONTEND).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONTEND);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST", "PUT");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Authorization", "Content-Type", "traceparent");
        assertThat(received).as("a preflight never reaches a service").isEmpty();
    }

    @Test
    void lets_the_frontend_read_answers_and_their_location() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bets")).header("Origin", FRONTEND)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONTEND);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Location");
    }

    @Test
    void gives_another_origin_no_cors_headers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bets"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void answers_an_unknown_path_with_a_problem_404() throws Exception {
        HttpResponse<String> response = get("/actuator/env");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":404", "\"reason\":\"NO_ROUTE\"");
        assertThat(received).isEmpty();
    }

    @Test
    void reads_a_large_body_on_an_unknown_path_before_answering_404_so_the_client_gets_the_answer() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("/API/BETS/" + "X".repeat(200)))
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[168_007])));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("\"reason\":\"NO_ROUTE\"");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void answers_for_a_service_that_is_down_with_a_problem_503() throws Exception {
        HttpResponse<String> response = get("/api/admin/audits");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"reason\":\"SERVICE_UNAVAILABLE\"", "settlement-service")
                .doesNotContain("Exception", "at java.");
    }

    @Test
    void refuses_a_body_over_one_mebibyte_with_a_problem_413() throws Exception {
        byte[] big = new byte[EntryPoint.MAX_BODY_BYTES + 1];
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bets"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"reason\":\"BODY_TOO_LARGE\"");
        assertThat(received).isEmpty();
    }

    @Test
    void refuses_a_path_and_query_over_the_services_head_limit_with_a_problem_414_without_forwarding() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bets?gameId=" + "x".repeat(46_000)))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<bet><stakeMinor>1000</stakeMinor></bet>")));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"reason\":\"URI_TOO_LONG\"");
        assertThat(received).isEmpty();
    }

    @Test
    void counts_the_request_line_with_the_headers_against_the_services_head_limit() throws Exception {
        int half = EntryPoint.MAX_HEADER_BYTES / 2;
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/bets?gameId=" + "x".repeat(half)))
                .header("X-Note", "y".repeat(half)));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).contains("\"reason\":\"HEADERS_TOO_LARGE\"");
        assertThat(received).isEmpty();
    }

    @Test
    void refuses_a_path_with_an_encoded_nul_or_slash_with_a_problem_400_without_forwarding() throws Exception {
        for (String path : List.of("/api/bets/a%00b/accept", "/api/bets/a%2Fb/accept")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url(path))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"" + "s".repeat(300_000) + "\"}")));

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"reason\":\"INVALID_PATH\"");
        }
        assertThat(received).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A service stand-in: records the request; answers 202 + Location to a POST, an event stream on /stream. */
    private static HttpServer echoServer(String service) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                URI uri = exchange.getRequestURI();
                String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                received.add(new Received(service, exchange.getRequestMethod(), pathAndQuery,
                        Map.copyOf(exchange.getRequestHeaders()), body));
                if (uri.getPath().endsWith("/stream")) {
                    stream(exchange);
                } else if (exchange.getRequestMethod().equals("POST")) {
                    exchange.getResponseHeaders().set("Location", "/api/bets/created-1");
                    answer(exchange, 202, "POST " + pathAndQuery + " " + body);
                } else {
                    answer(exchange, 200, "{\"service\":\"" + service + "\"}");
                }
            }
        });
        server.start();
        return server;
    }

    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("event:subscribed\ndata:{}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            streamRelease.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.write("event:lobby\ndata:{\"betId\":\"b-1\"}\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }

    private static Received next() throws InterruptedException {
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("the service got the request").isNotNull();
        return request;
    }

    private static String header(Received request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
    }

    private static URI url(String path) {
        return URI.create(entryPoint.url() + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
