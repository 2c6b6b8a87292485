package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9: an observation (a request, a consumed record, a scheduled run) records its timer, but no long-task timer
 * of the work in flight, which cost every request and every record a registry lookup and two updates of a
 * concurrent set, and which no alert or dashboard reads.
 */
@PlumbingIntegrationTest
class ObservationMetersIT {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void an_observed_request_records_its_timer_and_no_long_task_timer() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(meters.find("http.server.requests").tag("outcome", "SUCCESS").timers()).isNotEmpty();
        assertThat(meters.find("http.server.requests.active").longTaskTimers()).isEmpty();
    }
}
