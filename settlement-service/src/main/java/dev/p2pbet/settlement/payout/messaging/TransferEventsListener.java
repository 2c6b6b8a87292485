package dev.p2pbet.settlement.payout.messaging;

import dev.p2pbet.plumbing.kafka.NonRetryableEventException;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import dev.p2pbet.settlement.payout.TransferOutcome;
import dev.p2pbet.settlement.payout.TransferOutcomes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Outcomes of the transfers out of escrow, a poll at a time: a big game confirms hundreds of thousands
 * of transfers, so a poll's records are applied set-based in one transaction. Escrow-ins are
 * bet-service's: their confirmation reaches settlement as BetOpened / BetMatched (with the gas used),
 * so they are skipped here.
 *
 * <p>A poison record must not hold up the records around it: the records before it are applied, then
 * {@link BatchListenerFailedException} names it, so the error handler commits the offsets before it,
 * retries it (boundedly; at once to the DLT when it can never succeed) and goes on after it. When the
 * batch's transaction fails as a whole, its records are applied one by one to find the one at fault.
 */
@Component
class TransferEventsListener {

    static final String ID = "settlement-transfer-outcomes";
    private static final Logger log = LoggerFactory.getLogger(TransferEventsListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(TransferEventsListener.class);

    private final TransferOutcomes outcomes;

    TransferEventsListener(TransferOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.WALLET_TRANSFER_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, TransferEvent>> records) {
        List<TransferOutcome> readable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                outcome(records.get(i)).ifPresent(readable::add);
            } catch (RuntimeException unreadable) {
                applyBefore(readable, records);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
        }
        applyBefore(readable, records);
    }

    /** Applies every outcome read so far; when the batch fails, one by one, naming the record at fault. */
    private void applyBefore(List<TransferOutcome> readable, List<ConsumerRecord<String, TransferEvent>> records) {
        if (readable.isEmpty()) {
            return;
        }
        try {
            outcomes.apply(readable);
        } catch (RuntimeException batchFailed) {
            log.warn("A batch of {} transfer outcomes failed ({}): applying them one by one", readable.size(),
                    batchFailed.toString());
            for (TransferOutcome outcome : readable) {
                try {
                    outcomes.apply(List.of(outcome));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("transfer outcome " + outcome.eventId() + " failed", failed,
                            indexOf(outcome, records));
                }
            }
        }
        readable.clear();
    }

    private static java.util.Optional<TransferOutcome> outcome(ConsumerRecord<String, TransferEvent> record) {
        TransferEvent event = record.value();
        if (event == null) {
            RuntimeException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            throw cause != null ? cause : new NonRetryableEventException("transfer event without a value");
        }
        String eventId = event.getEventId().toString();
        return switch (event.getPayload()) {
            case TransferConfirmed c when c.getPurpose() != TransferPurpose.ESCROW_IN -> java.util.Optional.of(
                    new TransferOutcome.Confirmed(eventId, c.getTransferId(), required(c.getBetId(), eventId),
                            c.getGasUsed().getAmountMinor()));
            case TransferFailed f when f.getPurpose() != TransferPurpose.ESCROW_IN -> java.util.Optional.of(
                    new TransferOutcome.Failed(eventId, f.getTransferId(), required(f.getBetId(), eventId),
                            f.getPurpose().name(), f.getRetryable(), f.getReason().name()));
            default -> java.util.Optional.empty();
        };
    }

    private static String required(String betId, String eventId) {
        if (betId == null || betId.isBlank()) {
            throw new NonRetryableEventException("transfer event " + eventId + " out of escrow names no bet");
        }
        return betId;
    }

    private static int indexOf(TransferOutcome outcome, List<ConsumerRecord<String, TransferEvent>> records) {
        for (int i = 0; i < records.size(); i++) {
            TransferEvent event = records.get(i).value();
            if (event != null && event.getEventId().toString().equals(outcome.eventId())) {
                return i;
            }
        }
        throw new IllegalStateException("no record of event " + outcome.eventId() + " in its batch");
    }
}
