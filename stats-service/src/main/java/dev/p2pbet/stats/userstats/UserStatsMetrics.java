package dev.p2pbet.stats.userstats;

import dev.p2pbet.stats.userstats.domain.BetOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code betting_user_stat_updates_total{outcome}}: users' stats changed by a settlement (redeliveries not counted). */
@Component
public class UserStatsMetrics {

    private final Map<BetOutcome, Counter> updates = new EnumMap<>(BetOutcome.class);

    public UserStatsMetrics(MeterRegistry registry) {
        for (BetOutcome outcome : BetOutcome.values()) {
            updates.put(outcome, Counter.builder("betting.user.stat.updates")
                    .description("Users' betting stats updated from settlement events")
                    .tag("outcome", outcome.code())
                    .register(registry));
        }
    }

    public void updated(BetOutcome outcome) {
        updates.get(outcome).increment();
    }
}
