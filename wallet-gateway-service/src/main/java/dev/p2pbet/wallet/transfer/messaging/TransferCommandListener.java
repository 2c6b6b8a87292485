package dev.p2pbet.wallet.transfer.messaging;

import dev.p2pbet.plumbing.kafka.NonRetryableEventException;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.EscrowInRequested;
import dev.p2pbet.schemas.wallet.FeeTransferRequested;
import dev.p2pbet.schemas.wallet.GasRecoveryRequested;
import dev.p2pbet.schemas.wallet.PayoutRequested;
import dev.p2pbet.schemas.wallet.RefundRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.wallet.transfer.TransferService;
import dev.p2pbet.wallet.transfer.domain.TransferOrder;
import dev.p2pbet.wallet.transfer.domain.TransferType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Maps each transfer command to a {@link TransferOrder}. A command that can never be a valid transfer (a
 * transfer_id of another bet, a non-positive amount, an unknown kind) goes to the DLT at once.
 */
@Component
class TransferCommandListener {

    private final TransferService transfers;

    TransferCommandListener(TransferService transfers) {
        this.transfers = transfers;
    }

    // one consumer thread per partition of the topic (6): a command spends most of its time waiting for the
    // provider and the database, so one thread would hold every other bet's escrow behind it.
    // max.poll.records 50 (default 500): records are handled one at a time, and under a backlog at > 0.6 s a record
    // 500 of them overran max.poll.interval.ms (300 s), so the consumer was evicted from the group and its records
    // redelivered (harmless, idempotent, but wasted work); 50 leaves room up to 6 s a record. Only this listener.
    @KafkaListener(topics = Topics.WALLET_TRANSFER_COMMANDS,
            concurrency = "${p2pbet.wallet.transfer-commands.consumers:6}",
            properties = "max.poll.records=${p2pbet.wallet.transfer-commands.max-poll-records:50}")
    void on(TransferCommand command) {
        TransferOrder order;
        try {
            order = order(command);
            if (!order.transferId().equals(command.getTransferId())) {
                throw new IllegalArgumentException("payload transfer_id " + order.transferId()
                        + " differs from the envelope's " + command.getTransferId());
            }
        } catch (IllegalArgumentException e) {
            throw new NonRetryableEventException("transfer command " + command.getEventId() + " is not a valid transfer: "
                    + e.getMessage());
        }
        transfers.command(command.getEventId().toString(), order);
    }

    static TransferOrder order(TransferCommand command) {
        return switch (command.getPayload()) {
            case EscrowInRequested c -> new TransferOrder(c.getTransferId(), TransferType.ESCROW_IN, c.getBetId(),
                    c.getUserId(), money(c.getStake()), null);
            case PayoutRequested c -> new TransferOrder(c.getTransferId(), TransferType.PAYOUT, c.getBetId(),
                    c.getWinnerId(), money(c.getAmount()), money(c.getGasQuote()));
            case FeeTransferRequested c -> new TransferOrder(c.getTransferId(), TransferType.FEE, c.getBetId(), null,
                    money(c.getAmount()), money(c.getGasQuote()));
            case RefundRequested c -> new TransferOrder(c.getTransferId(), TransferType.REFUND, c.getBetId(),
                    c.getUserId(), money(c.getAmount()), money(c.getGasQuote()));
            case GasRecoveryRequested c -> new TransferOrder(c.getTransferId(), TransferType.GAS_RECOVERY,
                    c.getBetId(), null, money(c.getAmount()), null);
            default -> throw new IllegalArgumentException("unknown transfer kind "
                    + command.getPayload().getClass().getSimpleName());
        };
    }

    private static Money money(dev.p2pbet.schemas.common.Money money) {
        return money == null ? null : Money.of(money.getAmountMinor(), money.getCurrency());
    }
}
