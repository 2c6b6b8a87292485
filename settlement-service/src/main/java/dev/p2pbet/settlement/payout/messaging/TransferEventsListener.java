package dev.p2pbet.settlement.payout.messaging;

import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import dev.p2pbet.settlement.Avro;
import dev.p2pbet.settlement.payout.TransferOutcomes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Outcomes of the transfers out of escrow. Escrow-ins are bet-service's: their confirmation reaches
 * settlement as BetOpened / BetMatched (with the gas used), so they are skipped here.
 */
@Component
class TransferEventsListener {

    private final TransferOutcomes outcomes;

    TransferEventsListener(TransferOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(topics = Topics.WALLET_TRANSFER_EVENTS)
    void on(TransferEvent event) {
        String eventId = event.getEventId().toString();
        switch (event.getPayload()) {
            case TransferConfirmed c when c.getPurpose() != TransferPurpose.ESCROW_IN ->
                    outcomes.confirmed(eventId, c.getTransferId(), c.getBetId(), Avro.money(c.getGasUsed()));
            case TransferFailed f when f.getPurpose() != TransferPurpose.ESCROW_IN ->
                    outcomes.failed(eventId, f.getTransferId(), f.getBetId(), f.getPurpose().name(), f.getRetryable(),
                            f.getReason().name());
            default -> {
            }
        }
    }
}
