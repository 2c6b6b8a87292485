package dev.p2pbet.walletsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiProblemsTest {

    @Test
    void a_deadlock_is_a_503_to_retry_under_the_same_key_not_a_500() {
        ResponseEntity<ProblemDetail> answer = new ApiProblems()
                .busy(new PessimisticLockingFailureException("deadlock detected"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getProperties()).containsEntry("code", "service_unavailable");
    }
}
