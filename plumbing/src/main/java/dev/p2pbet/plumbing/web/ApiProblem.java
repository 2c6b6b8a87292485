package dev.p2pbet.plumbing.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on: an HTTP status, a stable reason code (e.g.
 * {@code OWN_BET}, {@code STAKE_TOO_LOW}) and a sentence for people. Rendered as RFC 9457
 * problem+json by {@link ProblemDetailsAdvice}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String reason;

    public ApiProblem(HttpStatus status, String reason, String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    public static ApiProblem notFound(String reason, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, reason, detail);
    }

    public static ApiProblem conflict(String reason, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, reason, detail);
    }

    public static ApiProblem unprocessable(String reason, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, reason, detail);
    }

    public static ApiProblem badRequest(String reason, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, reason, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
