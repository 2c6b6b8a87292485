package dev.p2pbet.plumbing.limits;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 429 problem+json ({@code reason} {@code RATE_LIMITED}) with {@code Retry-After}: the caller sent more requests
 * than its limit allows; nothing was done. Spring MVC renders it with its headers (it is an ErrorResponse).
 */
public class RateLimitExceeded extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    public RateLimitExceeded(String what, TokenBuckets.Decision decision) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(what, decision), null);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
    }

    /** Spends one of {@code key}'s tokens, or refuses with a 429. */
    public static void check(TokenBuckets buckets, String key, String what) {
        TokenBuckets.Decision decision = buckets.take(key);
        if (!decision.allowed()) {
            throw new RateLimitExceeded(what, decision);
        }
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    private static ProblemDetail problem(String what, TokenBuckets.Decision decision) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many " + what + "; nothing was done. Try again in " + decision.retryAfterSeconds() + " s.");
        body.setType(URI.create("https://p2pbet.dev/problems/rate-limited"));
        body.setProperty("reason", "RATE_LIMITED");
        return body;
    }
}
