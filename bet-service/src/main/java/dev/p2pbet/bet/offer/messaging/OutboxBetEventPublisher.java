package dev.p2pbet.bet.offer.messaging;

import dev.p2pbet.bet.offer.BetEventPublisher;
import dev.p2pbet.bet.offer.domain.BetEvent;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.schemas.bet.BetAcceptFailed;
import dev.p2pbet.schemas.bet.BetAcceptRequested;
import dev.p2pbet.schemas.bet.BetCreated;
import dev.p2pbet.schemas.bet.BetDecided;
import dev.p2pbet.schemas.bet.BetExpired;
import dev.p2pbet.schemas.bet.BetFailureReason;
import dev.p2pbet.schemas.bet.BetMatched;
import dev.p2pbet.schemas.bet.BetOpened;
import dev.p2pbet.schemas.bet.BetOutcome;
import dev.p2pbet.schemas.bet.BetRefunded;
import dev.p2pbet.schemas.bet.BetRejected;
import dev.p2pbet.schemas.bet.BetWithdrawn;
import dev.p2pbet.schemas.bet.PlayerStat;
import dev.p2pbet.schemas.bet.Selection;
import dev.p2pbet.schemas.bet.SelectionSide;
import dev.p2pbet.schemas.bet.SelectionType;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.EscrowInRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts a transition's events on the outbox as {@code bet.events} records, and the escrow-in
 * command that an offer (the creator's stake) or an acceptance (the acceptor's, attempt n)
 * needs on {@code wallet.transfer-commands}. The mirrored settlement statuses are not published.
 */
@Component
class OutboxBetEventPublisher implements BetEventPublisher {

    private final Outbox outbox;
    private final Clock clock;

    OutboxBetEventPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void publish(List<BetEvent> events) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (BetEvent event : events) {
            Object payload = payload(event);
            if (payload == null) {
                continue;
            }
            outbox.append(Topics.BET_EVENTS, event.betId(), dev.p2pbet.schemas.bet.BetEvent.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(now)
                    .setBetId(event.betId())
                    .setPayload(payload)
                    .build());
            switch (event) {
                case BetEvent.Created c -> escrowIn(TransferIds.escrowCreator(c.betId()), c.betId(), c.creatorId(),
                        c.stake(), now);
                case BetEvent.AcceptRequested a -> escrowIn(TransferIds.escrowAcceptor(a.betId(), a.attempt()),
                        a.betId(), a.acceptorId(), a.stake(), now);
                default -> {
                }
            }
        }
    }

    private void escrowIn(String transferId, String betId, String userId, Money stake, Instant now) {
        outbox.append(Topics.WALLET_TRANSFER_COMMANDS, transferId, TransferCommand.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setTransferId(transferId)
                .setPayload(EscrowInRequested.newBuilder()
                        .setTransferId(transferId)
                        .setBetId(betId)
                        .setUserId(userId)
                        .setStake(money(stake))
                        .build())
                .build());
    }

    static Object payload(BetEvent event) {
        return switch (event) {
            case BetEvent.Created c -> BetCreated.newBuilder()
                    .setBetId(c.betId()).setGameId(c.gameId()).setCreatorId(c.creatorId())
                    .setSelection(selection(c.selection())).setStake(money(c.stake()))
                    .setCreatedAt(c.createdAt().truncatedTo(ChronoUnit.MILLIS))
                    .setEscrowTransferId(TransferIds.escrowCreator(c.betId()))
                    .build();
            case BetEvent.Opened o -> BetOpened.newBuilder()
                    .setBetId(o.betId()).setEscrowTransferId(TransferIds.escrowCreator(o.betId()))
                    .setEscrowGasUsed(money(o.escrowGasUsed()))
                    .build();
            case BetEvent.Rejected r -> BetRejected.newBuilder()
                    .setBetId(r.betId()).setReason(BetFailureReason.valueOf(r.reason().name()))
                    .setMessage(r.message())
                    .build();
            case BetEvent.AcceptRequested a -> BetAcceptRequested.newBuilder()
                    .setBetId(a.betId()).setAcceptorId(a.acceptorId()).setAttempt(a.attempt())
                    .setEscrowTransferId(TransferIds.escrowAcceptor(a.betId(), a.attempt()))
                    .build();
            case BetEvent.Matched m -> BetMatched.newBuilder()
                    .setBetId(m.betId()).setAcceptorId(m.acceptorId())
                    .setEscrowTransferId(TransferIds.escrowAcceptor(m.betId(), m.attempt()))
                    .setEscrowGasUsed(money(m.escrowGasUsed()))
                    .build();
            case BetEvent.AcceptFailed f -> BetAcceptFailed.newBuilder()
                    .setBetId(f.betId()).setAcceptorId(f.acceptorId()).setAttempt(f.attempt())
                    .setReason(BetFailureReason.valueOf(f.reason().name())).setMessage(f.message())
                    .build();
            case BetEvent.Withdrawn w -> BetWithdrawn.newBuilder()
                    .setBetId(w.betId()).setCreatorId(w.creatorId())
                    .build();
            case BetEvent.Expired e -> BetExpired.newBuilder()
                    .setBetId(e.betId()).setGameId(e.gameId()).setCreatorId(e.creatorId())
                    .setGameCancelled(e.gameCancelled())
                    .build();
            case BetEvent.Refunded r -> BetRefunded.newBuilder()
                    .setBetId(r.betId()).setReason(RefundReason.valueOf(r.reason().name()))
                    .setCreatorRefund(money(r.creatorRefund()))
                    .setAcceptorRefund(r.acceptorRefund() == null ? null : money(r.acceptorRefund()))
                    .build();
            case BetEvent.Decided d -> BetDecided.newBuilder()
                    .setBetId(d.betId()).setStatus(d.creatorWon() ? BetOutcome.WON : BetOutcome.LOST)
                    .setWinnerId(d.winnerId()).setLoserId(d.loserId())
                    .setPayout(money(d.payout())).setFee(money(d.fee()))
                    .build();
            case BetEvent.SettlingStarted s -> null;
            case BetEvent.HeldForGas h -> null;
        };
    }

    private static Selection selection(dev.p2pbet.bet.offer.domain.Selection selection) {
        return Selection.newBuilder()
                .setType(SelectionType.valueOf(selection.type().name()))
                .setSide(SelectionSide.valueOf(selection.side().name()))
                .setLineTenths(selection.lineTenths())
                .setPlayerId(selection.playerId())
                .setStat(selection.stat() == null ? null : PlayerStat.valueOf(selection.stat().name()))
                .build();
    }

    private static dev.p2pbet.schemas.common.Money money(Money money) {
        return dev.p2pbet.schemas.common.Money.newBuilder()
                .setAmountMinor(money.amountMinor()).setCurrency(money.currency()).build();
    }
}
