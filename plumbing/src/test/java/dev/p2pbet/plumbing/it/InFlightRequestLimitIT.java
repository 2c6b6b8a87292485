package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.it.PlumbingTestApplication.HeldRequests;
import dev.p2pbet.plumbing.limits.RequestLimitsProperties;
import dev.p2pbet.plumbing.security.DevTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9: with as many requests in flight as the limit allows, one more is refused at once with a 503 to retry
 * instead of queueing for the database; the operations endpoints still answer, and the service takes requests again
 * as soon as the ones in flight are done.
 */
@PlumbingIntegrationTest
class InFlightRequestLimitIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Value("${p2pbet.security.dev-signing-secret}")
    String secret;

    @Autowired
    RequestLimitsProperties limits;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void releaseHeldRequests() {
        HeldRequests.release();
        await().atMost(Duration.ofSeconds(20)).until(() -> meters.get("request.limit.in.flight").gauge().value() == 0);
    }

    @Test
    void refuses_the_request_over_the_limit_at_once_while_the_limit_is_in_flight() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = holdAsManyRequestsAsTheLimit();

        long start = System.nanoTime();
        HttpResponse<String> oneMore = get("/api/whoami");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(oneMore.statusCode()).as(oneMore.body()).isEqualTo(503);
        assertThat(oneMore.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(oneMore.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(oneMore.body()).contains("\"reason\":\"SERVICE_BUSY\"");
        assertThat(waited).isLessThan(Duration.ofSeconds(1));
        assertThat(held).noneMatch(CompletableFuture::isDone);
    }

    @Test
    void answers_the_health_probes_and_reports_the_requests_in_flight_while_the_limit_is_in_flight() throws Exception {
        holdAsManyRequestsAsTheLimit();

        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(meters.get("request.limit.in.flight").gauge().value()).isEqualTo(limits.getMaxInFlightRequests());
    }

    @Test
    void takes_requests_again_once_the_ones_in_flight_are_done() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = holdAsManyRequestsAsTheLimit();

        HeldRequests.release();

        for (CompletableFuture<HttpResponse<String>> request : held) {
            assertThat(request.get().statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/whoami").statusCode()).isEqualTo(200);
    }

    @Test
    void does_not_count_an_open_event_stream_in_flight() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(
                request("/api/events"), HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(lines.iterator().next()).isEqualTo("event:hello");

            // the place is given back when the handler returns, which may be just after the first event is out
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> meters.get("request.limit.in.flight").gauge().value() == 0);
        }
    }

    private List<CompletableFuture<HttpResponse<String>>> holdAsManyRequestsAsTheLimit() {
        int limit = limits.getMaxInFlightRequests();
        HeldRequests.hold();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            held.add(HTTP.sendAsync(request("/api/held"), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> HeldRequests.arrived() == limit);
        return held;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        String token = DevTokens.mint("alice", secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(40)).build();
    }
}
