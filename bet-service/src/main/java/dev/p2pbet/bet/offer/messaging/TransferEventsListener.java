package dev.p2pbet.bet.offer.messaging;

import dev.p2pbet.bet.offer.EscrowSaga;
import dev.p2pbet.bet.offer.EscrowSaga.EscrowLeg;
import dev.p2pbet.bet.offer.domain.FailureReason;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import java.util.Optional;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The outcomes of the escrow-ins this service commanded; every other transfer (payouts, fees,
 * refunds: settlement's) is ignored. A retryable failure is final for the saga too: the offer is
 * rejected or reopened, and a new attempt is a new transfer.
 */
@Component
class TransferEventsListener {

    private final EscrowSaga saga;

    TransferEventsListener(EscrowSaga saga) {
        this.saga = saga;
    }

    @KafkaListener(topics = Topics.WALLET_TRANSFER_EVENTS)
    void on(TransferEvent event) {
        String eventId = event.getEventId().toString();
        switch (event.getPayload()) {
            case TransferConfirmed c when c.getPurpose() == TransferPurpose.ESCROW_IN ->
                    leg(c.getBetId(), c.getTransferId()).ifPresent(leg ->
                            saga.confirmed(eventId, c.getBetId(), leg, money(c.getGasUsed())));
            case TransferFailed f when f.getPurpose() == TransferPurpose.ESCROW_IN ->
                    leg(f.getBetId(), f.getTransferId()).ifPresent(leg ->
                            saga.failed(eventId, f.getBetId(), leg, reason(f), f.getMessage()));
            default -> {
            }
        }
    }

    static Optional<EscrowLeg> leg(String betId, String transferId) {
        if (TransferIds.escrowCreator(betId).equals(transferId)) {
            return Optional.of(new EscrowLeg.Creator());
        }
        String acceptorPrefix = TransferIds.escrowAcceptor(betId, 1);
        acceptorPrefix = acceptorPrefix.substring(0, acceptorPrefix.length() - 1);
        if (transferId.startsWith(acceptorPrefix)) {
            try {
                return Optional.of(new EscrowLeg.Acceptor(Integer.parseInt(transferId.substring(acceptorPrefix.length()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static FailureReason reason(TransferFailed failed) {
        return switch (failed.getReason()) {
            case INSUFFICIENT_FUNDS -> FailureReason.INSUFFICIENT_FUNDS;
            case WALLET_NOT_LINKED -> FailureReason.WALLET_NOT_LINKED;
            case ACCOUNT_NOT_FOUND, PROVIDER_REJECTED, PROVIDER_UNAVAILABLE -> FailureReason.TRANSFER_FAILED;
            default -> FailureReason.OTHER;
        };
    }

    private static Money money(dev.p2pbet.schemas.common.Money money) {
        return Money.of(money.getAmountMinor(), money.getCurrency());
    }
}
