package dev.p2pbet.settlement.payout;

import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import dev.p2pbet.settlement.Avro;
import dev.p2pbet.settlement.SettlementMetrics;
import dev.p2pbet.settlement.messaging.SettlementEventsPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway's outcomes of our transfers out of escrow. The settlement row is locked first, so the
 * confirmations of one bet's transfers (on different partitions: they are keyed by transfer id) are
 * applied one after the other. A user's stake is reported refunded (StakeRefunded) once its refund
 * and gas recovery are both confirmed; a bet is reported settled (BetSettled) once its payout and
 * fee are. Both are guarded updates, so each is published once; a bet has one outcome, so it is
 * never both paid and refunded.
 */
@Service
public class TransferOutcomes {

    static final String CONSUMER = "settlement-service.transfer-outcomes";
    private static final Logger log = LoggerFactory.getLogger(TransferOutcomes.class);

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final SettlementEventsPublisher publisher;
    private final SettlementMetrics metrics;

    TransferOutcomes(Inbox inbox, JdbcClient jdbc, SettlementEventsPublisher publisher, SettlementMetrics metrics) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Transactional
    public void confirmed(String eventId, String transferId, String betId, Money gasUsed) {
        if (!inbox.firstDelivery(CONSUMER, eventId) || !lock(betId)) {
            return;
        }
        Optional<String[]> transfer = jdbc.sql("""
                        UPDATE settlement_transfers SET status = 'confirmed', gas_used_minor = ?, completed_at = now()
                        WHERE transfer_id = ? AND status IN ('commanded', 'failed')
                        RETURNING leg, purpose, coalesce(gas_quote_minor, 0)""")
                .params(gasUsed.amountMinor(), transferId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))})
                .optional();
        if (transfer.isEmpty()) {
            log.info("Confirmation {} of {} changes nothing (duplicate or not ours)", eventId, transferId);
            return;
        }
        String leg = transfer.get()[0];
        String purpose = transfer.get()[1];
        if (purpose.equals("REFUND")) {
            metrics.gasQuoteDifference(Long.parseLong(transfer.get()[2]) - gasUsed.amountMinor());
        }
        if (!leg.equals("winner")) {
            reportLegIfComplete(betId, leg);
        }
        completeIfAllConfirmed(betId);
    }

    @Transactional
    public void failed(String eventId, String transferId, String betId, String purpose, boolean retryable, String reason) {
        if (!inbox.firstDelivery(CONSUMER, eventId) || !lock(betId)) {
            return;
        }
        int changed = jdbc.sql("""
                        UPDATE settlement_transfers SET status = 'failed', retryable = ?, completed_at = now()
                        WHERE transfer_id = ? AND status = 'commanded'""")
                .params(retryable, transferId).update();
        if (changed == 1) {
            metrics.transferFailed(purpose);
            log.error("Transfer {} out of escrow failed ({}, {}): its money counts as in the vault again{}",
                    transferId, reason, retryable ? "retryable" : "final",
                    retryable ? "; commanded again after the next passed audit" : "; an operator must act");
        }
    }

    private boolean lock(String betId) {
        return jdbc.sql("SELECT bet_id FROM settlements WHERE bet_id = ? FOR UPDATE").param(betId).query(String.class)
                .optional().isPresent();
    }

    private void reportLegIfComplete(String betId, String leg) {
        int marked = jdbc.sql("""
                        UPDATE settlement_transfers SET reported = true
                        WHERE bet_id = ? AND leg = ? AND NOT reported
                          AND NOT EXISTS (SELECT 1 FROM settlement_transfers
                                          WHERE bet_id = ? AND leg = ? AND status <> 'confirmed')""")
                .params(betId, leg, betId, leg)
                .update();
        if (marked == 0) {
            return;
        }
        LegTotals totals = jdbc.sql("""
                        SELECT s.game_id, s.outcome, s.stake_minor, s.currency,
                               coalesce(sum(t.amount_minor) FILTER (WHERE t.purpose = 'REFUND'), 0),
                               coalesce(sum(t.amount_minor) FILTER (WHERE t.purpose = 'GAS_RECOVERY'), 0),
                               max(t.user_id)
                        FROM settlements s JOIN settlement_transfers t ON t.bet_id = s.bet_id AND t.leg = ?
                        WHERE s.bet_id = ? GROUP BY s.game_id, s.outcome, s.stake_minor, s.currency""")
                .params(leg, betId)
                .query((rs, n) -> new LegTotals(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4).trim(),
                        rs.getLong(5), rs.getLong(6), rs.getString(7)))
                .single();
        publisher.event(betId, StakeRefunded.newBuilder().setBetId(betId).setGameId(totals.gameId())
                .setUserId(totals.userId()).setStake(Avro.money(totals.stake(), totals.currency()))
                .setRefunded(Avro.money(totals.refunded(), totals.currency()))
                .setGasDeducted(Avro.money(totals.recovered(), totals.currency()))
                .setReason(RefundReason.valueOf(totals.outcome())).build());
        metrics.refunded(Money.of(totals.refunded(), totals.currency()), Money.of(totals.recovered(), totals.currency()));
    }

    private void completeIfAllConfirmed(String betId) {
        Optional<Completed> completed = jdbc.sql("""
                        UPDATE settlements SET status = CASE WHEN outcome IN ('CREATOR_WINS', 'ACCEPTOR_WINS')
                                                             THEN 'paid' ELSE 'refunded' END,
                                               completed_at = now()
                        WHERE bet_id = ? AND status = 'settling'
                          AND NOT EXISTS (SELECT 1 FROM settlement_transfers WHERE bet_id = ? AND status <> 'confirmed')
                        RETURNING game_id, outcome, winner_id, loser_id, stake_minor, pot_minor, payout_minor, fee_minor,
                                  currency""")
                .params(betId, betId)
                .query((rs, n) -> new Completed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9).trim()))
                .optional();
        if (completed.isEmpty()) {
            return;
        }
        Completed c = completed.get();
        metrics.settled(c.outcome());
        if (c.outcome().equals("CREATOR_WINS") || c.outcome().equals("ACCEPTOR_WINS")) {
            publisher.event(betId, BetSettled.newBuilder().setBetId(betId).setGameId(c.gameId())
                    .setWinnerId(c.winnerId()).setLoserId(c.loserId())
                    .setStake(Avro.money(c.stake(), c.currency())).setPot(Avro.money(c.pot(), c.currency()))
                    .setFee(Avro.money(c.fee(), c.currency())).setPayout(Avro.money(c.payout(), c.currency()))
                    .build());
            metrics.paid(Money.of(c.payout(), c.currency()), Money.of(c.fee(), c.currency()));
        }
        recordGameDurationIfDone(c.gameId());
    }

    private void recordGameDurationIfDone(String gameId) {
        jdbc.sql("""
                        SELECT r.received_at FROM game_results r
                        WHERE r.game_id = ? AND NOT EXISTS (SELECT 1 FROM settlements s
                                                             WHERE s.game_id = r.game_id AND s.status NOT IN ('paid', 'refunded'))""")
                .param(gameId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional()
                .ifPresent(start -> metrics.gameSettled(Duration.between(start, Instant.now())));
    }

    private record LegTotals(String gameId, String outcome, long stake, String currency, long refunded, long recovered,
                             String userId) {
    }

    private record Completed(String gameId, String outcome, String winnerId, String loserId, long stake, long pot,
                             long payout, long fee, String currency) {
    }
}
