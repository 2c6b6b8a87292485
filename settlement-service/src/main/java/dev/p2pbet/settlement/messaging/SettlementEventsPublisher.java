package dev.p2pbet.settlement.messaging;

import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.settlement.Avro;
import java.time.Clock;
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

    /** {@code aggregateId}: the bet id, or the audit id for audits. */
    public void event(String aggregateId, Object payload) {
        outbox.append(Topics.SETTLEMENT_EVENTS, aggregateId, SettlementEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Avro.millis(clock.instant()))
                .setAggregateId(aggregateId)
                .setPayload(payload)
                .build());
    }

    public void command(String transferId, Object payload) {
        outbox.append(Topics.WALLET_TRANSFER_COMMANDS, transferId, TransferCommand.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Avro.millis(clock.instant()))
                .setTransferId(transferId)
                .setPayload(payload)
                .build());
    }

    public void raw(String topic, String key, org.apache.avro.specific.SpecificRecord record) {
        outbox.append(topic, key, record);
    }
}
