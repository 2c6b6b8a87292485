package dev.p2pbet.wallet.transfer.messaging;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import dev.p2pbet.wallet.transfer.TransferOutcomes;
import dev.p2pbet.wallet.transfer.domain.Transfer;
import dev.p2pbet.wallet.transfer.persistence.TransferLedger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * TransferConfirmed / TransferFailed on {@code wallet.transfer-events}, keyed by transfer_id, through the outbox. An
 * outcome mostly arrives by webhook or the reconciler's poll, in a trace of its own: it continues the trace of the
 * command that requested the transfer instead, so the trace of a bet runs on to settlement.
 */
@Component
class OutboxTransferOutcomes implements TransferOutcomes {

    private final Outbox outbox;
    private final TransferLedger ledger;
    private final Clock clock;

    OutboxTransferOutcomes(Outbox outbox, TransferLedger ledger, Clock clock) {
        this.outbox = outbox;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void confirmed(Transfer transfer) {
        publish(transfer, TransferConfirmed.newBuilder()
                .setTransferId(transfer.transferId())
                .setBetId(transfer.betId())
                .setPurpose(TransferPurpose.valueOf(transfer.type().name()))
                .setUserId(transfer.userId())
                .setAmount(money(transfer.amount()))
                .setGasUsed(money(transfer.gasUsed()))
                .setProviderReference(transfer.providerTransferId())
                .build());
    }

    @Override
    public void failed(Transfer transfer) {
        publish(transfer, TransferFailed.newBuilder()
                .setTransferId(transfer.transferId())
                .setBetId(transfer.betId())
                .setPurpose(TransferPurpose.valueOf(transfer.type().name()))
                .setUserId(transfer.userId())
                .setAmount(money(transfer.amount()))
                .setReason(TransferFailureReason.valueOf(transfer.failure().reason().name()))
                .setMessage(transfer.failure().message())
                .setRetryable(transfer.failure().retryable())
                .build());
    }

    private void publish(Transfer transfer, Object payload) {
        outbox.append(Topics.WALLET_TRANSFER_EVENTS, transfer.transferId(), TransferEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setTransferId(transfer.transferId())
                .setPayload(payload)
                .build(), ledger.traceOf(transfer.transferId()).orElse(null));
    }

    private static dev.p2pbet.schemas.common.Money money(Money money) {
        return dev.p2pbet.schemas.common.Money.newBuilder()
                .setAmountMinor(money.amountMinor()).setCurrency(money.currency()).build();
    }
}
