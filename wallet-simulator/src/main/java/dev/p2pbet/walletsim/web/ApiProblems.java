package dev.p2pbet.walletsim.web;

import dev.p2pbet.walletsim.transfer.domain.InvalidTransferException;
import java.net.URI;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the simulator as {@code application/problem+json} (RFC 9457), with a {@code code} property. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(e.toProblem());
    }

    @ExceptionHandler({InvalidTransferException.class, IllegalArgumentException.class})
    ResponseEntity<ProblemDetail> invalid(RuntimeException e) {
        return apiProblem(new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_request",
                "Invalid request", e.getMessage()));
    }

    /**
     * A transient database failure (a deadlock, a lock timeout): the request's transaction did not commit, so the
     * contract's 503 applies: send it again under the same key (a replay if it was stored after all).
     */
    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> busy(TransientDataAccessException e) {
        return apiProblem(new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "Service unavailable", "The provider is busy; retry with the same Idempotency-Key"));
    }

    /** Framework errors (validation, malformed JSON, missing header) keep their status and gain a code. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = statusCode.value() == 400 ? "bad_request" : "http_" + statusCode.value();
            problem.setProperty("code", code);
            problem.setType(URI.create(ApiProblemException.TYPE_PREFIX + code.replace('_', '-')));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
