package dev.p2pbet.settlement.payout;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.settlement.PayoutCommanded;
import dev.p2pbet.schemas.settlement.TransferHeldForGas;
import dev.p2pbet.schemas.wallet.FeeTransferRequested;
import dev.p2pbet.schemas.wallet.GasRecoveryRequested;
import dev.p2pbet.schemas.wallet.PayoutRequested;
import dev.p2pbet.schemas.wallet.RefundRequested;
import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.settlement.Avro;
import dev.p2pbet.settlement.SettlementMetrics;
import dev.p2pbet.settlement.SettlementProperties;
import dev.p2pbet.settlement.decision.domain.GasPolicy;
import dev.p2pbet.settlement.decision.domain.Outcome;
import dev.p2pbet.settlement.decision.domain.RefundSplit;
import dev.p2pbet.settlement.messaging.SettlementEventsPublisher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * After an audit passed: commands the transfers out of escrow of every waiting settlement, set-based
 * (one read, batched writes), in the audit's transaction. A payout is {@code <bet>:payout} to the
 * winner and {@code <bet>:fee} to revenue; a refund is, per stake, {@code refund-<leg>} to the user and
 * {@code gas-recovery-<leg>} to PLATFORM_OPS, with gas_out fixed now from the report's gas quote (or
 * the configured estimate). Zero amounts are not sent. A transfer whose gas quote is not worth it
 * holds the bet in high_gas_wait. The bet's stakes leave the audit's books as the commands are
 * written; transfers that failed retryably are commanded again under the same transfer id.
 */
@Service
public class TransferCommander {

    private static final Logger log = LoggerFactory.getLogger(TransferCommander.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SettlementProperties properties;
    private final SettlementEventsPublisher publisher;
    private final SettlementMetrics metrics;
    private final Clock clock;

    TransferCommander(JdbcClient jdbc, JdbcTemplate batch, SettlementProperties properties,
                      SettlementEventsPublisher publisher, SettlementMetrics metrics, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.properties = properties;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String auditId, Money gasQuote) {
        List<Waiting> waiting = jdbc.sql("""
                        SELECT s.bet_id, s.game_id, s.outcome, s.winner_id, s.loser_id, s.stake_minor, s.payout_minor,
                               s.fee_minor, s.currency, s.status, e.creator_id, e.acceptor_id,
                               coalesce(e.creator_gas_minor, 0), coalesce(e.acceptor_gas_minor, 0), e.stakes_held,
                               e.trace_headers
                        FROM settlements s JOIN escrowed_bets e ON e.bet_id = s.bet_id
                        WHERE s.status = 'decided' OR (s.status = 'high_gas_wait' AND s.next_attempt_at <= now())
                        ORDER BY s.bet_id
                        FOR UPDATE OF s, e""")
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2), Outcome.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getLong(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                        rs.getString(9).trim(), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13),
                        rs.getLong(14), rs.getInt(15), rs.getString(16)))
                .list();
        GasPolicy policy = properties.gasPolicy();
        List<OutgoingTransfer> transfers = new ArrayList<>();
        List<Waiting> commanded = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (Waiting w : waiting) {
            List<Leg> legs = legs(w);
            if (legs.size() != w.stakesHeld()) {
                log.error("Bet {} holds {} stakes but its {} outcome would move {}: left for an operator",
                        w.betId(), w.stakesHeld(), w.outcome(), legs.size());
                continue;
            }
            Money quote = Money.of(gasQuote.amountMinor(), w.currency());
            if (!w.outcome().isRefund()) {
                Money payout = Money.of(w.payoutMinor(), w.currency());
                if (!policy.worthSending(payout, quote)) {
                    held.add(new Held(w, TransferIds.payout(w.betId()), payout, quote));
                    continue;
                }
                transfers.add(transfer(w, TransferIds.payout(w.betId()), "winner", "PAYOUT", w.winnerId(),
                        w.payoutMinor(), null, quote));
                if (w.feeMinor() > 0) {
                    transfers.add(transfer(w, TransferIds.fee(w.betId()), "winner", "FEE", null, w.feeMinor(), null, quote));
                }
            } else {
                Leg waits = legs.stream().filter(l -> policy.refundWaits(money(w, w.stakeMinor()), money(w, l.gasIn()), quote))
                        .findFirst().orElse(null);
                if (waits != null) {
                    held.add(new Held(w, waits.refundId(), money(w, w.stakeMinor() - waits.gasIn()), quote));
                    continue;
                }
                for (Leg leg : legs) {
                    RefundSplit split = RefundSplit.of(money(w, w.stakeMinor()), money(w, leg.gasIn()), quote);
                    if (split.toUser().isPositive()) {
                        transfers.add(transfer(w, leg.refundId(), leg.name(), "REFUND", leg.userId(),
                                split.toUser().amountMinor(), leg.gasIn(), quote));
                    }
                    if (split.toOps().isPositive()) {
                        transfers.add(transfer(w, leg.recoveryId(), leg.name(), "GAS_RECOVERY", leg.userId(),
                                split.toOps().amountMinor(), leg.gasIn(), quote));
                    }
                }
            }
            commanded.add(w);
        }
        write(auditId, gasQuote, commanded, transfers);
        hold(held);
        retryFailed();
        if (!commanded.isEmpty() || !held.isEmpty()) {
            log.info("Audit {} released {} bets ({} transfers), {} held for gas", auditId, commanded.size(),
                    transfers.size(), held.size());
        }
    }

    private void write(String auditId, Money gasQuote, List<Waiting> commanded, List<OutgoingTransfer> transfers) {
        if (commanded.isEmpty()) {
            return;
        }
        String[] betIds = commanded.stream().map(Waiting::betId).toArray(String[]::new);
        jdbc.sql("""
                        UPDATE settlements s SET status = 'settling', audit_id = ?, gas_quote_minor = ?, commanded_at = now(),
                                                 next_attempt_at = NULL
                        FROM unnest(?::text[], ?::text[]) AS w(bet_id, status)
                        WHERE s.bet_id = w.bet_id AND s.status = w.status""")
                .params(auditId, gasQuote.amountMinor(), betIds,
                        commanded.stream().map(Waiting::status).toArray(String[]::new))
                .update();
        jdbc.sql("""
                        UPDATE escrowed_bets SET stakes_held = 0, status = 'released', updated_at = now()
                        WHERE bet_id = ANY(?) AND stakes_held > 0""")
                .param(betIds)
                .update();
        jdbc.sql("""
                        INSERT INTO settlement_transfers (transfer_id, bet_id, leg, purpose, user_id, amount_minor, gas_in_minor,
                                                          gas_quote_minor, status)
                        SELECT t.*, 'commanded'
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
                             AS t(transfer_id, bet_id, leg, purpose, user_id, amount_minor, gas_in_minor, gas_quote_minor)""")
                .params(column(transfers, OutgoingTransfer::transferId), column(transfers, OutgoingTransfer::betId),
                        column(transfers, OutgoingTransfer::leg), column(transfers, OutgoingTransfer::purpose),
                        column(transfers, OutgoingTransfer::userId),
                        transfers.stream().map(OutgoingTransfer::amountMinor).toArray(Long[]::new),
                        transfers.stream().map(OutgoingTransfer::gasInMinor).toArray(Long[]::new),
                        transfers.stream().map(OutgoingTransfer::gasQuoteMinor).toArray(Long[]::new))
                .update();
        publisher.commands(transfers.stream()
                .map(t -> new SettlementEventsPublisher.Keyed(t.transferId(), command(t), t.trace())).toList());
        publisher.events(commanded.stream()
                .filter(w -> !w.outcome().isRefund())
                .map(w -> new SettlementEventsPublisher.Keyed(w.betId(), PayoutCommanded.newBuilder()
                        .setBetId(w.betId()).setGameId(w.gameId())
                        .setWinnerId(w.winnerId()).setLoserId(w.loserId())
                        .setPayout(Avro.money(w.payoutMinor(), w.currency())).setFee(Avro.money(w.feeMinor(), w.currency()))
                        .setAuditId(auditId).build(), w.trace()))
                .toList());
    }

    private void hold(List<Held> held) {
        if (held.isEmpty()) {
            return;
        }
        Instant next = Avro.millis(clock.instant().plus(properties.highGasRetry()));
        batch.batchUpdate("""
                        UPDATE settlements SET status = 'high_gas_wait', gas_quote_minor = ?, next_attempt_at = ?
                        WHERE bet_id = ? AND status = ?""",
                held.stream().map(h -> new Object[] {h.gasQuote().amountMinor(), Timestamp.from(next), h.bet().betId(),
                        h.bet().status()}).toList());
        publisher.events(held.stream().map(h -> new SettlementEventsPublisher.Keyed(h.bet().betId(),
                TransferHeldForGas.newBuilder().setBetId(h.bet().betId()).setTransferId(h.transferId())
                        .setAmount(Avro.money(h.amount())).setGasQuote(Avro.money(h.gasQuote()))
                        .setNextAttemptAt(next).build(), h.bet().trace())).toList());
        metrics.heldForGas(held.size());
    }

    /** Transfers the provider refused retryably go again, under the same transfer id (idempotency key). */
    private void retryFailed() {
        List<OutgoingTransfer> again = jdbc.sql("""
                        UPDATE settlement_transfers t SET status = 'commanded', retryable = false, commanded_at = now()
                        FROM settlements s JOIN escrowed_bets e ON e.bet_id = s.bet_id
                        WHERE s.bet_id = t.bet_id AND t.status = 'failed' AND t.retryable
                        RETURNING t.transfer_id, t.bet_id, s.game_id, t.leg, t.purpose, t.user_id, t.amount_minor,
                                  t.gas_in_minor, t.gas_quote_minor, s.stake_minor, s.outcome, s.currency, e.trace_headers""")
                .query((rs, n) -> new OutgoingTransfer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), (Long) rs.getObject(8), (Long) rs.getObject(9),
                        rs.getLong(10), rs.getString(11), rs.getString(12).trim(), rs.getString(13)))
                .list();
        if (again.isEmpty()) {
            return;
        }
        publisher.commands(again.stream()
                .map(t -> new SettlementEventsPublisher.Keyed(t.transferId(), command(t), t.trace())).toList());
    }

    static Object command(OutgoingTransfer t) {
        var amount = Avro.money(t.amountMinor(), t.currency());
        var quote = t.gasQuoteMinor() == null ? null : Avro.money(t.gasQuoteMinor(), t.currency());
        return switch (t.purpose()) {
            case "PAYOUT" -> PayoutRequested.newBuilder().setTransferId(t.transferId()).setBetId(t.betId())
                    .setWinnerId(t.userId()).setAmount(amount).setGasQuote(quote).build();
            case "FEE" -> FeeTransferRequested.newBuilder().setTransferId(t.transferId()).setBetId(t.betId())
                    .setAmount(amount).setGasQuote(quote).build();
            case "REFUND" -> RefundRequested.newBuilder().setTransferId(t.transferId()).setBetId(t.betId())
                    .setUserId(t.userId()).setAmount(amount).setStake(Avro.money(t.stakeMinor(), t.currency()))
                    .setGasIn(Avro.money(t.gasInMinor(), t.currency())).setGasQuote(quote)
                    .setReason(RefundReason.valueOf(t.outcome())).build();
            case "GAS_RECOVERY" -> GasRecoveryRequested.newBuilder().setTransferId(t.transferId()).setBetId(t.betId())
                    .setUserId(t.userId()).setAmount(amount).build();
            default -> throw new IllegalStateException("unknown purpose " + t.purpose());
        };
    }

    private static List<Leg> legs(Waiting w) {
        if (!w.outcome().isRefund()) {
            return List.of(new Leg("winner", w.winnerId(), 0, null, null), new Leg("winner", w.loserId(), 0, null, null));
        }
        List<Leg> legs = new ArrayList<>(2);
        legs.add(new Leg("creator", w.creatorId(), w.creatorGas(), TransferIds.refundCreator(w.betId()),
                TransferIds.gasRecoveryCreator(w.betId())));
        if (w.acceptorId() != null) {
            legs.add(new Leg("acceptor", w.acceptorId(), w.acceptorGas(), TransferIds.refundAcceptor(w.betId()),
                    TransferIds.gasRecoveryAcceptor(w.betId())));
        }
        return legs;
    }

    private static OutgoingTransfer transfer(Waiting w, String id, String leg, String purpose, String userId, long amount,
                                             Long gasIn, Money quote) {
        return new OutgoingTransfer(id, w.betId(), w.gameId(), leg, purpose, userId, amount, gasIn, quote.amountMinor(),
                w.stakeMinor(), w.outcome().name(), w.currency(), w.trace());
    }

    private static String[] column(List<OutgoingTransfer> transfers, java.util.function.Function<OutgoingTransfer, String> field) {
        return transfers.stream().map(field).toArray(String[]::new);
    }

    private static Money money(Waiting w, long minor) {
        return Money.of(minor, w.currency());
    }

    private record Waiting(String betId, String gameId, Outcome outcome, String winnerId, String loserId, long stakeMinor,
                           Long payoutMinor, Long feeMinor, String currency, String status, String creatorId,
                           String acceptorId, long creatorGas, long acceptorGas, int stakesHeld, String trace) {
    }

    private record Leg(String name, String userId, long gasIn, String refundId, String recoveryId) {
    }

    private record Held(Waiting bet, String transferId, Money amount, Money gasQuote) {
    }
}
