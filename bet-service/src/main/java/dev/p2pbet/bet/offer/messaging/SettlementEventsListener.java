package dev.p2pbet.bet.offer.messaging;

import dev.p2pbet.bet.offer.SettlementMirror;
import dev.p2pbet.bet.offer.domain.RefundReason;
import dev.p2pbet.plumbing.kafka.NonRetryableEventException;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.PayoutCommanded;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import dev.p2pbet.schemas.settlement.TransferHeldForGas;
import dev.p2pbet.schemas.topics.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Settlement's bet events, mirrored on the bet; the audit events concern no single bet. An event
 * that contradicts the bet (a winner who is not one of its users) goes to the DLT at once.
 */
@Component
class SettlementEventsListener {

    private final SettlementMirror mirror;

    SettlementEventsListener(SettlementMirror mirror) {
        this.mirror = mirror;
    }

    @KafkaListener(topics = Topics.SETTLEMENT_EVENTS)
    void on(SettlementEvent event) {
        String eventId = event.getEventId().toString();
        try {
            switch (event.getPayload()) {
                case PayoutCommanded p -> mirror.payoutCommanded(eventId, p.getBetId());
                case TransferHeldForGas h -> mirror.heldForGas(eventId, h.getBetId());
                case BetSettled s -> mirror.settled(eventId, s.getBetId(), s.getWinnerId(), s.getLoserId(),
                        money(s.getPayout()), money(s.getFee()));
                case StakeRefunded r -> mirror.stakeRefunded(eventId, r.getBetId(), r.getUserId(),
                        money(r.getRefunded()), RefundReason.valueOf(r.getReason().name()));
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            throw new NonRetryableEventException("settlement event " + eventId + " contradicts its bet: "
                    + e.getMessage());
        }
    }

    private static Money money(dev.p2pbet.schemas.common.Money money) {
        return Money.of(money.getAmountMinor(), money.getCurrency());
    }
}
