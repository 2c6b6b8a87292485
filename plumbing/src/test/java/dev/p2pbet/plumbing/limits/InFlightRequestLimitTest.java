package dev.p2pbet.plumbing.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The in-flight limit as a filter: a request beyond the limit is refused at once with a 503 to retry, and every
 * place taken is given back exactly once. Requests in flight are simulated by nesting: the chain of one request
 * runs the next, so the first is still in flight while the second arrives.
 */
class InFlightRequestLimitTest {

    private static final String STREAM = "/api/bets/stream";

    private final InFlightRequestLimit limit = new InFlightRequestLimit(2, Duration.ZERO, "/actuator", List.of(STREAM));
    private final AtomicInteger worked = new AtomicInteger();

    @Test
    void lets_requests_in_up_to_the_limit() throws Exception {
        MockHttpServletResponse second = whileHolding(1, () -> send("/api/bets"));

        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(worked).hasValue(1);
    }

    @Test
    void refuses_a_request_over_the_limit_at_once_with_503_service_busy_problem_json_and_retry_after()
            throws Exception {
        MockHttpServletResponse third = whileHolding(2, () -> send("/api/bets"));

        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(third.getContentAsString())
                .contains("\"status\":503", "\"reason\":\"SERVICE_BUSY\"", "\"type\":\"https://p2pbet.dev/problems/service-busy\"");
        assertThat(worked).hasValue(0);
    }

    @Test
    void counts_the_requests_it_refuses() throws Exception {
        whileHolding(2, () -> send("/api/bets"));
        whileHolding(2, () -> send("/api/bets"));

        assertThat(limit.refused()).isEqualTo(2);
    }

    @Test
    void takes_requests_again_once_the_ones_in_flight_are_done() throws Exception {
        whileHolding(2, () -> send("/api/bets"));

        assertThat(limit.inFlight()).isZero();
        assertThat(send("/api/bets").getStatus()).isEqualTo(200);
    }

    @Test
    void gives_the_place_back_when_the_request_fails() {
        assertThatThrownBy(() -> limit.doFilter(request("/api/bets"), new MockHttpServletResponse(),
                (request, response) -> {
                    throw new IllegalStateException("broken");
                })).isInstanceOf(IllegalStateException.class);

        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void lets_a_request_that_waits_briefly_in_when_a_place_is_freed_meanwhile() throws Exception {
        InFlightRequestLimit patient = new InFlightRequestLimit(1, Duration.ofSeconds(5), "/actuator", List.of());
        Thread holder = Thread.ofVirtual().start(() -> {
            try {
                patient.doFilter(request("/api/bets"), new MockHttpServletResponse(), (rq, rs) -> sleep(200));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (patient.inFlight() == 0) {
            Thread.onSpinWait();
        }

        MockHttpServletResponse waited = new MockHttpServletResponse();
        patient.doFilter(request("/api/bets"), waited, (rq, rs) -> worked.incrementAndGet());
        holder.join();

        assertThat(waited.getStatus()).isEqualTo(200);
        assertThat(worked).hasValue(1);
    }

    @Test
    void does_not_count_a_declared_event_stream() throws Exception {
        MockHttpServletResponse stream = whileHolding(2, () -> send(STREAM));

        assertThat(stream.getStatus()).isEqualTo(200);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void does_not_count_the_operations_endpoints_so_a_busy_service_still_answers_its_probes() throws Exception {
        MockHttpServletResponse health = whileHolding(2, () -> send("/actuator/health/readiness"));
        MockHttpServletResponse prometheus = whileHolding(2, () -> send("/actuator/prometheus"));

        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(prometheus.getStatus()).isEqualTo(200);
    }

    @Test
    void counts_a_path_that_only_begins_like_the_operations_endpoints() throws Exception {
        assertThat(whileHolding(2, () -> send("/actuatorial")).getStatus()).isEqualTo(503);
    }

    @Test
    void keeps_the_place_of_an_asynchronous_request_until_it_completes_and_gives_it_back_once() throws Exception {
        MockHttpServletRequest request = request("/api/bets");
        request.setAsyncSupported(true);
        limit.doFilter(request, new MockHttpServletResponse(), (rq, rs) -> rq.startAsync());

        assertThat(limit.inFlight()).isEqualTo(1);

        request.getAsyncContext().complete();
        request.getAsyncContext().complete();

        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void gives_back_the_place_of_an_event_stream_on_another_path_as_soon_as_it_is_open() throws Exception {
        MockHttpServletRequest request = request("/api/other/events");
        request.setAsyncSupported(true);
        limit.doFilter(request, new MockHttpServletResponse(), (rq, rs) -> {
            rq.startAsync();
            rs.setContentType("text/event-stream;charset=UTF-8");
        });

        assertThat(request.isAsyncStarted()).isTrue();
        assertThat(limit.inFlight()).isZero();
    }

    /** Runs {@code last} while {@code n} requests are in the middle of their work. */
    private MockHttpServletResponse whileHolding(int n, Request last) throws Exception {
        if (n == 0) {
            return last.send();
        }
        MockHttpServletResponse[] result = new MockHttpServletResponse[1];
        FilterChain stillWorking = (request, response) -> {
            try {
                result[0] = whileHolding(n - 1, last);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        MockHttpServletResponse held = new MockHttpServletResponse();
        limit.doFilter(request("/api/bets/held-" + n), held, stillWorking);
        assertThat(held.getStatus()).as("request %d in flight", n).isEqualTo(200);
        return result[0];
    }

    private MockHttpServletResponse send(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request(path), response, (request, resp) -> worked.incrementAndGet());
        return response;
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return request;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Request {
        MockHttpServletResponse send() throws Exception;
    }
}
