package dev.p2pbet.bet.offer.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user limits on offer creation and acceptance, under {@code p2pbet.rate-limits}: a burst of {@code burst}
 * requests, then {@code per-minute}. Per instance (see docs/services/bet-service.md). The defaults stop a script,
 * not a person, and leave the system tests and the demo far below them; load benchmarks switch the limits off
 * ({@code P2PBET_RATELIMITS_ENABLED=false}).
 */
@ConfigurationProperties("p2pbet.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue Limit offer,
                                  @DefaultValue Limit accept) {

    public record Limit(@DefaultValue("120") int burst, @DefaultValue("120") int perMinute) {
    }
}
