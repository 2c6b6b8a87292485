package dev.p2pbet.settlement.payout;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import dev.p2pbet.settlement.Avro;
import dev.p2pbet.settlement.SettlementMetrics;
import dev.p2pbet.settlement.messaging.SettlementEventsPublisher;
import dev.p2pbet.settlement.messaging.SettlementEventsPublisher.Keyed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway's outcomes of our transfers out of escrow, applied a poll at a time, set-based, in one
 * transaction: one inbox insert for the batch's event ids, one guarded update per kind of change
 * ({@code WHERE status = ...}, so a duplicate or late event changes nothing), and the resulting events
 * appended to the outbox in JDBC batches. The batch's settlement rows are locked first, in bet id
 * order, so batches on different partitions (transfers are keyed by transfer id) that touch the same
 * bet apply one after the other and never deadlock.
 *
 * <p>A user's stake is reported refunded (StakeRefunded) once its refund and gas recovery are both
 * confirmed; a bet is reported settled (BetSettled) once its payout and fee are. Both are guarded
 * updates, so each is published once; a bet has one outcome, so it is never both paid and refunded.
 * A confirmation is final: a failure of a transfer confirmed in the same batch is dropped, which is
 * what applying the events one by one would leave. A transfer an operator re-sent under a new id
 * ({@code superseded}) is no longer waited for.
 */
@Service
public class TransferOutcomes {

    static final String CONSUMER = "settlement-service.transfer-outcomes";
    private static final Logger log = LoggerFactory.getLogger(TransferOutcomes.class);

    private final JdbcClient jdbc;
    private final SettlementEventsPublisher publisher;
    private final SettlementMetrics metrics;

    TransferOutcomes(JdbcClient jdbc, SettlementEventsPublisher publisher, SettlementMetrics metrics) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Applies every outcome not applied before, in one transaction. */
    @Transactional
    public void apply(List<? extends TransferOutcome> outcomes) {
        List<TransferOutcome> fresh = firstDeliveries(outcomes);
        if (fresh.isEmpty()) {
            return;
        }
        lockSettlements(fresh);
        Set<String> confirmedIds = new HashSet<>();
        List<TransferOutcome.Confirmed> confirmations = new ArrayList<>();
        for (TransferOutcome outcome : fresh) {
            if (outcome instanceof TransferOutcome.Confirmed c) {
                confirmations.add(c);
                confirmedIds.add(c.transferId());
            }
        }
        List<TransferOutcome.Failed> failures = fresh.stream()
                .filter(TransferOutcome.Failed.class::isInstance).map(TransferOutcome.Failed.class::cast)
                .filter(f -> !confirmedIds.contains(f.transferId()))
                .toList();
        fail(failures);
        List<ConfirmedTransfer> confirmed = confirm(confirmations);
        if (confirmed.isEmpty()) {
            return;
        }
        reportCompleteLegs(confirmed);
        completeSettlements(confirmed);
    }

    /** The batch inbox: one insert for every event id; only the ids inserted now are applied. */
    private List<TransferOutcome> firstDeliveries(List<? extends TransferOutcome> outcomes) {
        String[] eventIds = outcomes.stream().map(TransferOutcome::eventId).distinct().toArray(String[]::new);
        if (eventIds.length == 0) {
            return List.of();
        }
        Set<String> first = new HashSet<>(jdbc.sql("""
                        INSERT INTO inbox_record (consumer, event_id) SELECT ?, unnest(?::text[])
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .params(CONSUMER, eventIds)
                .query(String.class)
                .list());
        List<TransferOutcome> fresh = new ArrayList<>(first.size());
        for (TransferOutcome outcome : outcomes) {
            if (first.remove(outcome.eventId())) {
                fresh.add(outcome);
            }
        }
        return fresh;
    }

    private void lockSettlements(List<TransferOutcome> outcomes) {
        String[] betIds = outcomes.stream().map(TransferOutcome::betId).distinct().sorted().toArray(String[]::new);
        jdbc.sql("SELECT bet_id FROM settlements WHERE bet_id = ANY(?) ORDER BY bet_id FOR UPDATE")
                .param(betIds).query(String.class).list();
    }

    private void fail(List<TransferOutcome.Failed> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Map<String, TransferOutcome.Failed> byTransfer = new LinkedHashMap<>();
        failures.forEach(f -> byTransfer.put(f.transferId(), f));
        List<String> changed = jdbc.sql("""
                        UPDATE settlement_transfers t SET status = 'failed', retryable = f.retryable, completed_at = now()
                        FROM unnest(?::text[], ?::boolean[]) AS f(transfer_id, retryable)
                        WHERE t.transfer_id = f.transfer_id AND t.status = 'commanded'
                        RETURNING t.transfer_id""")
                .params(byTransfer.keySet().toArray(String[]::new),
                        byTransfer.values().stream().map(TransferOutcome.Failed::retryable).toArray(Boolean[]::new))
                .query(String.class)
                .list();
        for (String transferId : changed) {
            TransferOutcome.Failed f = byTransfer.get(transferId);
            metrics.transferFailed(f.purpose());
            log.error("Transfer {} out of escrow failed ({}, {}): its money counts as in the vault again{}",
                    transferId, f.reason(), f.retryable() ? "retryable" : "final",
                    f.retryable() ? "; commanded again after the next passed audit" : "; an operator must act");
        }
    }

    private List<ConfirmedTransfer> confirm(List<TransferOutcome.Confirmed> confirmations) {
        if (confirmations.isEmpty()) {
            return List.of();
        }
        Map<String, Long> gasByTransfer = new LinkedHashMap<>();
        confirmations.forEach(c -> gasByTransfer.putIfAbsent(c.transferId(), c.gasUsedMinor()));
        List<ConfirmedTransfer> confirmed = jdbc.sql("""
                        UPDATE settlement_transfers t SET status = 'confirmed', gas_used_minor = c.gas_used, completed_at = now()
                        FROM unnest(?::text[], ?::bigint[]) AS c(transfer_id, gas_used)
                        WHERE t.transfer_id = c.transfer_id AND t.status IN ('commanded', 'failed')
                        RETURNING t.transfer_id, t.bet_id, t.leg, t.purpose, coalesce(t.gas_quote_minor, 0), t.gas_used_minor""")
                .params(gasByTransfer.keySet().toArray(String[]::new),
                        gasByTransfer.values().toArray(Long[]::new))
                .query((rs, n) -> new ConfirmedTransfer(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6)))
                .list();
        if (confirmed.size() < gasByTransfer.size()) {
            log.info("{} of {} confirmations change nothing (duplicates or not ours)",
                    gasByTransfer.size() - confirmed.size(), gasByTransfer.size());
        }
        List<ConfirmedTransfer> refunds = confirmed.stream().filter(t -> t.purpose().equals("REFUND")).toList();
        if (!refunds.isEmpty()) {
            metrics.gasQuoteDifference(
                    refunds.stream().mapToLong(t -> Math.max(0, t.gasQuoteMinor() - t.gasUsedMinor())).sum(),
                    refunds.stream().mapToLong(t -> Math.max(0, t.gasUsedMinor() - t.gasQuoteMinor())).sum());
        }
        return confirmed;
    }

    /** StakeRefunded for every refunded stake whose refund and gas recovery are now all confirmed. */
    private void reportCompleteLegs(List<ConfirmedTransfer> confirmed) {
        Set<List<String>> legs = new LinkedHashSet<>();
        confirmed.stream().filter(t -> !t.leg().equals("winner")).forEach(t -> legs.add(List.of(t.betId(), t.leg())));
        if (legs.isEmpty()) {
            return;
        }
        List<LegTotals> complete = jdbc.sql("""
                        WITH legs AS (SELECT * FROM unnest(?::text[], ?::text[]) AS l(bet_id, leg)),
                        reported AS (
                            UPDATE settlement_transfers t SET reported = true
                            FROM legs l
                            WHERE t.bet_id = l.bet_id AND t.leg = l.leg AND NOT t.reported AND t.status = 'confirmed'
                              AND NOT EXISTS (SELECT 1 FROM settlement_transfers o
                                              WHERE o.bet_id = l.bet_id AND o.leg = l.leg
                                                AND o.status NOT IN ('confirmed', 'superseded'))
                            RETURNING t.bet_id, t.leg, t.purpose, t.amount_minor, t.user_id)
                        SELECT s.bet_id, r.leg, s.game_id, s.outcome, s.stake_minor, s.currency,
                               coalesce(sum(r.amount_minor) FILTER (WHERE r.purpose = 'REFUND'), 0),
                               coalesce(sum(r.amount_minor) FILTER (WHERE r.purpose = 'GAS_RECOVERY'), 0),
                               max(r.user_id), max(e.trace_headers)
                        FROM reported r JOIN settlements s ON s.bet_id = r.bet_id
                             LEFT JOIN escrowed_bets e ON e.bet_id = s.bet_id
                        GROUP BY s.bet_id, r.leg, s.game_id, s.outcome, s.stake_minor, s.currency
                        ORDER BY s.bet_id, r.leg""")
                .params(legs.stream().map(l -> l.get(0)).toArray(String[]::new),
                        legs.stream().map(l -> l.get(1)).toArray(String[]::new))
                .query((rs, n) -> new LegTotals(rs.getString(1), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6).trim(), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10)))
                .list();
        if (complete.isEmpty()) {
            return;
        }
        publisher.events(complete.stream().map(t -> new Keyed(t.betId(), StakeRefunded.newBuilder()
                .setBetId(t.betId()).setGameId(t.gameId()).setUserId(t.userId())
                .setStake(Avro.money(t.stake(), t.currency()))
                .setRefunded(Avro.money(t.refunded(), t.currency()))
                .setGasDeducted(Avro.money(t.recovered(), t.currency()))
                .setReason(RefundReason.valueOf(t.outcome())).build(), t.trace())).toList());
        String currency = complete.getFirst().currency();
        metrics.refunded(Money.of(complete.stream().mapToLong(LegTotals::refunded).sum(), currency),
                Money.of(complete.stream().mapToLong(LegTotals::recovered).sum(), currency));
    }

    /** Paid or refunded: every settling bet of the batch whose transfers are now all confirmed. */
    private void completeSettlements(List<ConfirmedTransfer> confirmed) {
        String[] betIds = confirmed.stream().map(ConfirmedTransfer::betId).distinct().sorted().toArray(String[]::new);
        List<Completed> completed = jdbc.sql("""
                        UPDATE settlements s SET status = CASE WHEN outcome IN ('CREATOR_WINS', 'ACCEPTOR_WINS')
                                                               THEN 'paid' ELSE 'refunded' END,
                                                 completed_at = now()
                        WHERE s.bet_id = ANY(?) AND s.status = 'settling'
                          AND NOT EXISTS (SELECT 1 FROM settlement_transfers t
                                          WHERE t.bet_id = s.bet_id AND t.status NOT IN ('confirmed', 'superseded'))
                        RETURNING s.bet_id, s.game_id, s.outcome, s.winner_id, s.loser_id, s.stake_minor, s.pot_minor,
                                  s.payout_minor, s.fee_minor, s.currency,
                                  (SELECT e.trace_headers FROM escrowed_bets e WHERE e.bet_id = s.bet_id)""")
                .param(betIds)
                .query((rs, n) -> new Completed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getString(10).trim(), rs.getString(11)))
                .list();
        if (completed.isEmpty()) {
            return;
        }
        completed.forEach(c -> metrics.settled(c.outcome()));
        List<Completed> paid = completed.stream().filter(Completed::paid).sorted(
                java.util.Comparator.comparing(Completed::betId)).toList();
        if (!paid.isEmpty()) {
            publisher.events(paid.stream().map(c -> new Keyed(c.betId(), BetSettled.newBuilder()
                    .setBetId(c.betId()).setGameId(c.gameId())
                    .setWinnerId(c.winnerId()).setLoserId(c.loserId())
                    .setStake(Avro.money(c.stake(), c.currency())).setPot(Avro.money(c.pot(), c.currency()))
                    .setFee(Avro.money(c.fee(), c.currency())).setPayout(Avro.money(c.payout(), c.currency()))
                    .build(), c.trace())).toList());
            String currency = paid.getFirst().currency();
            metrics.paid(Money.of(paid.stream().mapToLong(Completed::payout).sum(), currency),
                    Money.of(paid.stream().mapToLong(Completed::fee).sum(), currency));
        }
        recordGameDurationsIfDone(completed.stream().map(Completed::gameId).distinct().toArray(String[]::new));
    }

    private void recordGameDurationsIfDone(String[] gameIds) {
        jdbc.sql("""
                        SELECT r.received_at FROM game_results r
                        WHERE r.game_id = ANY(?) AND NOT EXISTS (SELECT 1 FROM settlements s
                                                                  WHERE s.game_id = r.game_id
                                                                    AND s.status NOT IN ('paid', 'refunded'))""")
                .param(gameIds)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list()
                .forEach(start -> metrics.gameSettled(Duration.between(start, Instant.now())));
    }

    private record ConfirmedTransfer(String transferId, String betId, String leg, String purpose, long gasQuoteMinor,
                                     long gasUsedMinor) {
    }

    private record LegTotals(String betId, String gameId, String outcome, long stake, String currency, long refunded,
                             long recovered, String userId, String trace) {
    }

    private record Completed(String betId, String gameId, String outcome, String winnerId, String loserId, long stake,
                             long pot, long payout, long fee, String currency, String trace) {

        boolean paid() {
            return outcome.equals("CREATOR_WINS") || outcome.equals("ACCEPTOR_WINS");
        }
    }
}
