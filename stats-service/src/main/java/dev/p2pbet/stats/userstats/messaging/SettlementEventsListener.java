package dev.p2pbet.stats.userstats.messaging;

import dev.p2pbet.plumbing.kafka.NonRetryableEventException;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.stats.userstats.UserStatsMetrics;
import dev.p2pbet.stats.userstats.UserStatsService;
import dev.p2pbet.stats.userstats.domain.UserBetResult;
import java.time.Instant;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the settlements that close a stake into users' results: BetSettled (the winner and the
 * loser) and StakeRefunded (one user). The other settlement events change no stats. An event
 * whose numbers cannot be counted (another currency, a negative stake) goes to the DLT at once.
 */
@Component
class SettlementEventsListener {

    private final UserStatsService stats;
    private final UserStatsMetrics metrics;

    SettlementEventsListener(UserStatsService stats, UserStatsMetrics metrics) {
        this.stats = stats;
        this.metrics = metrics;
    }

    @KafkaListener(topics = Topics.SETTLEMENT_EVENTS)
    void on(SettlementEvent event) {
        List<UserBetResult> results;
        List<UserBetResult> applied;
        try {
            results = results(event);
            if (results.isEmpty()) {
                return;
            }
            applied = stats.apply(event.getEventId().toString(), results);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableEventException("settlement event " + event.getEventId() + " cannot be counted: "
                    + e.getMessage());
        }
        applied.forEach(result -> metrics.updated(result.outcome()));
    }

    static List<UserBetResult> results(SettlementEvent event) {
        Instant at = event.getOccurredAt();
        return switch (event.getPayload()) {
            case BetSettled settled -> List.of(
                    UserBetResult.won(settled.getBetId(), settled.getGameId(), settled.getWinnerId(),
                            money(settled.getStake()), money(settled.getPayout()), at),
                    UserBetResult.lost(settled.getBetId(), settled.getGameId(), settled.getLoserId(),
                            money(settled.getStake()), at));
            case StakeRefunded refunded -> List.of(
                    UserBetResult.refunded(refunded.getBetId(), refunded.getGameId(), refunded.getUserId(),
                            money(refunded.getStake()), money(refunded.getRefunded()), at));
            default -> List.of();
        };
    }

    private static Money money(dev.p2pbet.schemas.common.Money money) {
        return Money.of(money.getAmountMinor(), money.getCurrency());
    }
}
