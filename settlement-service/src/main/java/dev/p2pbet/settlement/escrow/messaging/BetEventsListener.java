package dev.p2pbet.settlement.escrow.messaging;

import dev.p2pbet.plumbing.outbox.TraceHeaders;
import dev.p2pbet.schemas.bet.BetCreated;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.BetExpired;
import dev.p2pbet.schemas.bet.BetMatched;
import dev.p2pbet.schemas.bet.BetOpened;
import dev.p2pbet.schemas.bet.BetRejected;
import dev.p2pbet.schemas.bet.BetWithdrawn;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.settlement.Avro;
import dev.p2pbet.settlement.decision.domain.PlayerStat;
import dev.p2pbet.settlement.decision.domain.Selection;
import dev.p2pbet.settlement.decision.domain.SelectionSide;
import dev.p2pbet.settlement.decision.domain.SelectionType;
import dev.p2pbet.settlement.escrow.EscrowProjection;
import dev.p2pbet.settlement.escrow.EscrowedBet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** bet.events into the escrow projection; the kinds settlement does not need are skipped. */
@Component
class BetEventsListener {

    private final EscrowProjection projection;
    private final TraceHeaders trace;

    BetEventsListener(EscrowProjection projection, ObjectProvider<TraceHeaders> trace) {
        this.projection = projection;
        this.trace = trace.getIfAvailable(() -> TraceHeaders.NONE);
    }

    @KafkaListener(topics = Topics.BET_EVENTS)
    void on(BetEvent event) {
        String eventId = event.getEventId().toString();
        switch (event.getPayload()) {
            case BetCreated c -> projection.created(eventId, new EscrowedBet(c.getBetId(), c.getGameId(),
                    c.getCreatorId(), selection(c.getSelection()), Avro.money(c.getStake())),
                    // the listener's observation continues the trace of the record (bet-service's POST /api/bets)
                    TraceHeaders.encode(trace.current()));
            case BetOpened o -> projection.opened(eventId, o.getBetId(), Avro.money(o.getEscrowGasUsed()));
            case BetMatched m -> projection.matched(eventId, m.getBetId(), m.getAcceptorId(),
                    Avro.money(m.getEscrowGasUsed()));
            case BetRejected r -> projection.rejected(eventId, r.getBetId());
            case BetWithdrawn w -> projection.withdrawn(eventId, w.getBetId());
            case BetExpired e -> projection.expired(eventId, e.getBetId(), e.getGameCancelled());
            default -> {
            }
        }
    }

    static Selection selection(dev.p2pbet.schemas.bet.Selection s) {
        return new Selection(SelectionType.valueOf(s.getType().name()), SelectionSide.valueOf(s.getSide().name()),
                s.getLineTenths(), s.getPlayerId(), s.getStat() == null ? null : PlayerStat.valueOf(s.getStat().name()));
    }
}
