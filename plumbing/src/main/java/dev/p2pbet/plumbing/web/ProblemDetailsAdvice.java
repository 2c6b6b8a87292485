package dev.p2pbet.plumbing.web;

import java.net.URI;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
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

    /** A multipart body that cannot be parsed (no boundary, cut short) or is too large: the client's fault. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException exception, WebRequest request) {
        HttpStatus status = exception instanceof MaxUploadSizeExceededException
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "The multipart body cannot be read.");
        body.setProperty("reason", status == HttpStatus.BAD_REQUEST ? "UNREADABLE_BODY" : "BODY_TOO_LARGE");
        return handleExceptionInternal(exception, body, new HttpHeaders(), status, request);
    }

    /**
     * A value the database cannot take or compare (SQLSTATE class 22, data exception: a NUL character, text too long
     * for its column, a number out of range, text that is not a UUID or a date): it came from the request, so it is
     * a 400; nothing was written (the transaction rolled back).
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> dataAccess(DataAccessException exception, WebRequest request) {
        String sqlState = sqlState(exception);
        if (sqlState == null || !sqlState.startsWith("22")) {
            return unexpected(exception, request);
        }
        log.info("Refused a value the database cannot take on {}: SQLSTATE {}", request.getDescription(false),
                sqlState);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A value of the request cannot be used (a control character, too long, out of range).");
        body.setType(URI.create(TYPE_BASE + "invalid-value"));
        body.setProperty("reason", "INVALID_VALUE");
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Spring Security's firewall refusing a request (a parameter name or header value it does not allow). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException exception, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request was rejected: it contains characters or names that are not allowed.");
        body.setProperty("reason", "REQUEST_REJECTED");
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        if (isMalformedParameters(exception)) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The query string or form parameters cannot be read.");
            body.setProperty("reason", "INVALID_PARAMETERS");
            return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        log.error("Unexpected error on {}", request.getDescription(false), exception);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed. It has been logged.");
        body.setProperty("reason", "INTERNAL_ERROR");
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getProperties() == null) {
                problem.setProperty("reason", reasonFor(statusCode));
            }
            // set, not negotiated: a refusal is problem+json whatever the client accepts (image/png, text/html, ...)
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(headers);
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.handleExceptionInternal(ex, body, withType, statusCode, request);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** Tomcat refuses a query string it cannot decode (e.g. {@code ?=x}, bad %-escapes) when it is first read. */
    private static boolean isMalformedParameters(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String reasonFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}
