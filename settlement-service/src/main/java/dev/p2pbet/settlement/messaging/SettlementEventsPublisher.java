package dev.p2pbet.settlement.messaging;

import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.plumbing.outbox.TraceHeaders;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.settlement.Avro;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Puts settlement.events records and transfer commands on the outbox, in the caller's transaction. */
@Component
public class SettlementEventsPublisher {

    private final Outbox outbox;
    private final Clock clock;

    SettlementEventsPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A payload and the id it is keyed by (a bet id, or an audit id, for events; a transfer id for commands), and the
     * trace it continues as stored with its bet ({@link TraceHeaders#encode}; null or empty: the current trace).
     */
    public record Keyed(String key, Object payload, String trace) {

        public Keyed(String key, Object payload) {
            this(key, payload, null);
        }

        Map<String, String> traceHeaders() {
            return trace == null || trace.isEmpty() ? null : TraceHeaders.decode(trace);
        }
    }

    /** {@code aggregateId}: the bet id, or the audit id for audits. */
    public void event(String aggregateId, Object payload) {
        outbox.append(Topics.SETTLEMENT_EVENTS, aggregateId, event(new Keyed(aggregateId, payload)));
    }

    /** Many events in JDBC batches: a game's settlement publishes thousands in one transaction. */
    public void events(List<Keyed> payloads) {
        outbox.appendAll(Topics.SETTLEMENT_EVENTS,
                payloads.stream().map(p -> new Outbox.Entry(p.key(), event(p), p.traceHeaders())).toList());
    }

    /** Many transfer commands in JDBC batches. */
    public void commands(List<Keyed> payloads) {
        outbox.appendAll(Topics.WALLET_TRANSFER_COMMANDS,
                payloads.stream().map(p -> new Outbox.Entry(p.key(), command(p), p.traceHeaders())).toList());
    }

    private SettlementEvent event(Keyed payload) {
        return SettlementEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Avro.millis(clock.instant()))
                .setAggregateId(payload.key())
                .setPayload(payload.payload())
                .build();
    }

    private TransferCommand command(Keyed payload) {
        return TransferCommand.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Avro.millis(clock.instant()))
                .setTransferId(payload.key())
                .setPayload(payload.payload())
                .build();
    }

    public void raw(String topic, String key, org.apache.avro.specific.SpecificRecord record) {
        outbox.append(topic, key, record);
    }
}
