package dev.p2pbet.plumbing.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of every service as RFC 9457 problem+json with a {@code reason} code; framework
 * errors (bad JSON, wrong method, validation) keep their 4xx; no database capacity is a 503 to
 * retry; anything unexpected is a 500 that says nothing of the internals (the stack trace goes
 * to the log only).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String TYPE_BASE = "https://p2pbet.dev/problems/";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(URI.create(TYPE_BASE + problem.reason().toLowerCase().replace('_', '-')));
        body.setProperty("reason", problem.reason());
        return handleExceptionInternal(problem, body, new HttpHeaders(), problem.status(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException exception, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this.");
        body.setProperty("reason", "FORBIDDEN");
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /**
     * No database connection in time (the pool is exhausted under load, or the database is restarting):
     * nothing was written, so the client may safely retry; a 500 would say the request broke something.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<Object> busy(Exception exception, WebRequest request) {
        log.warn("No database capacity for {}: {}", request.getDescription(false), exception.toString());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is busy; nothing was done. Try again in a moment.");
        body.setType(URI.create(TYPE_BASE + "service-busy"));
        body.setProperty("reason", "SERVICE_BUSY");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return handleExceptionInternal(exception, body, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), exception);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed. It has been logged.");
        body.setProperty("reason", "INTERNAL_ERROR");
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("reason", reasonFor(statusCode));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String reasonFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}
