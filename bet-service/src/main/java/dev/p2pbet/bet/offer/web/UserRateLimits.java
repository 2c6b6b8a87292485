package dev.p2pbet.bet.offer.web;

import dev.p2pbet.plumbing.limits.RateLimitExceeded;
import dev.p2pbet.plumbing.limits.TokenBuckets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Spends a user's token for an offer or an acceptance, or refuses with 429 RATE_LIMITED and Retry-After. */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class UserRateLimits {

    private final TokenBuckets offers;
    private final TokenBuckets accepts;

    UserRateLimits(RateLimitProperties properties) {
        this.offers = properties.enabled()
                ? new TokenBuckets(properties.offer().burst(), properties.offer().perMinute()) : null;
        this.accepts = properties.enabled()
                ? new TokenBuckets(properties.accept().burst(), properties.accept().perMinute()) : null;
    }

    void offer(String userId) {
        if (offers != null) {
            RateLimitExceeded.check(offers, userId, "offers");
        }
    }

    void accept(String userId) {
        if (accepts != null) {
            RateLimitExceeded.check(accepts, userId, "acceptances");
        }
    }
}
