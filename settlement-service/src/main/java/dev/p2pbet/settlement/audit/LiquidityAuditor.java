package dev.p2pbet.settlement.audit;

import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.schemas.settlement.AuditVerdict;
import dev.p2pbet.schemas.settlement.LiquidityAuditFailed;
import dev.p2pbet.schemas.settlement.LiquidityAuditPassed;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.VaultBalanceRequested;
import dev.p2pbet.settlement.Avro;
import dev.p2pbet.settlement.SettlementMetrics;
import dev.p2pbet.settlement.SettlementProperties;
import dev.p2pbet.settlement.decision.domain.LiquidityCheck;
import dev.p2pbet.settlement.messaging.SettlementEventsPublisher;
import dev.p2pbet.settlement.payout.TransferCommander;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The global liquidity audit (DESIGN §3): asks the gateway for the vault balance and compares it with
 * the stakes the books hold. One audit is in flight at a time (a transaction-scoped advisory lock
 * serialises requests and verdicts). A pass releases every waiting settlement; a shortfall blocks
 * them all, is published and retried with a doubling backoff; a surplus releases them but is
 * recorded and alerted.
 *
 * <p>Expected = the stakes held by every bet in the projection (in when the escrow-in is confirmed,
 * out when the transfer out is commanded) plus the transfers out that failed (their money is still
 * in the vault). It is fixed when the audit is asked, before the gateway reads the balance: money
 * only leaves escrow on a pass and one audit is in flight at a time, so nothing is commanded between
 * the two, and a stake confirmed in between can only show as a surplus, never as a shortfall.
 */
@Service
public class LiquidityAuditor {

    static final String CONSUMER = "settlement-service.liquidity-audit";
    private static final long AUDIT_LOCK = 0x5E771E_A0D17L;
    private static final Logger log = LoggerFactory.getLogger(LiquidityAuditor.class);

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final SettlementProperties properties;
    private final SettlementEventsPublisher publisher;
    private final TransferCommander commander;
    private final SettlementMetrics metrics;
    private final Clock clock;

    LiquidityAuditor(Inbox inbox, JdbcClient jdbc, SettlementProperties properties, SettlementEventsPublisher publisher,
                     TransferCommander commander, SettlementMetrics metrics, Clock clock) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.properties = properties;
        this.publisher = publisher;
        this.commander = commander;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Asks for an audit unless one is in flight or a shortfall's backoff is still running. It never
     * waits for the audit lock: when another transaction holds it (an audit being asked or judged),
     * the schedule asks later, so a decision never waits on an audit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> requestIfIdle(String gameId) {
        if (!tryLock()) {
            return Optional.empty();
        }
        if (inFlight()) {
            return Optional.empty();
        }
        Optional<LastAudit> last = last();
        if (last.isPresent() && last.get().shortfall() && last.get().nextAttemptAt() != null
                && last.get().nextAttemptAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(request(gameId, last.filter(LastAudit::shortfall).map(a -> a.attempt() + 1).orElse(1)));
    }

    /**
     * An operator's re-run of a blocked audit: asked now, whatever the backoff; an audit still waiting
     * for its report is given up (its late report is ignored).
     */
    @Transactional
    public String rerunBlocked() {
        lock();
        Optional<LastAudit> last = last();
        if (last.isEmpty() || !last.get().shortfall()) {
            throw ApiProblem.conflict("NOT_BLOCKED", "the last liquidity audit did not find a shortfall");
        }
        return request(null, last.get().attempt() + 1);
    }

    /** Whether work waits for an audit: decisions, bets held for gas now due, transfers to retry. */
    @Transactional
    public void tick() {
        boolean waiting = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM settlements
                                       WHERE status = 'decided' OR (status = 'high_gas_wait' AND next_attempt_at <= now()))
                            OR EXISTS (SELECT 1 FROM settlement_transfers WHERE status = 'failed' AND retryable)""")
                .query(Boolean.class).single();
        if (waiting) {
            requestIfIdle(null);
        }
    }

    @Transactional
    public void reported(String eventId, String auditId, Money balance, Money gasQuote) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        lock();
        Optional<Pending> pending = jdbc.sql("""
                        SELECT coalesce(game_id, ''), expected_minor, attempt FROM liquidity_audits
                        WHERE audit_id = ? AND verdict = 'PENDING'""")
                .param(auditId).query((rs, n) -> new Pending(rs.getString(1), rs.getLong(2), rs.getInt(3))).optional();
        if (pending.isEmpty()) {
            log.info("Vault balance report {} answers no pending audit ({}): ignored", eventId, auditId);
            return;
        }
        Money expected = properties.money(pending.get().expectedMinor());
        LiquidityCheck check = LiquidityCheck.of(expected, balance);
        Instant now = clock.instant();
        int attempt = pending.get().attempt();
        Optional<String> gameId = Optional.of(pending.get().gameId());
        Instant next = check.releasesPayouts() ? null : now.plus(properties.backoffAfter(attempt));
        jdbc.sql("""
                        UPDATE liquidity_audits SET actual_minor = ?, difference_minor = ?, verdict = ?,
                               gas_quote_minor = ?, next_attempt_at = ?, completed_at = now()
                        WHERE audit_id = ? AND verdict = 'PENDING'""")
                .params(balance.amountMinor(), check.difference().amountMinor(),
                        check.verdict().name(), gasQuote == null ? null : gasQuote.amountMinor(),
                        next == null ? null : Timestamp.from(next), auditId)
                .update();
        metrics.audit(check.verdict().name(), expected, balance, check.difference());
        String game = gameId.get().isEmpty() ? null : gameId.get();
        AuditVerdict verdict = AuditVerdict.valueOf(check.verdict().name());
        if (check.releasesPayouts()) {
            if (check.verdict() == LiquidityCheck.Verdict.SURPLUS) {
                log.warn("Liquidity audit {}: SURPLUS of {} (vault {}, books {}): payouts go on, the books need a look",
                        auditId, check.difference(), balance, expected);
            }
            publisher.event(auditId, LiquidityAuditPassed.newBuilder().setAuditId(auditId).setGameId(game)
                    .setExpected(Avro.money(expected)).setActual(Avro.money(balance))
                    .setDifference(Avro.money(check.difference())).setVerdict(verdict).build());
            commander.release(auditId, gasQuote != null ? gasQuote : properties.money(properties.refundGasEstimateMinor()));
        } else {
            log.error("Liquidity audit {}: SHORTFALL of {} (vault {}, books {}): every payout is blocked, next audit at {}",
                    auditId, check.difference(), balance, expected, next);
            publisher.event(auditId, LiquidityAuditFailed.newBuilder().setAuditId(auditId).setGameId(game)
                    .setExpected(Avro.money(expected)).setActual(Avro.money(balance))
                    .setDifference(Avro.money(check.difference())).setVerdict(verdict)
                    .setNextAttemptAt(Avro.millis(next)).build());
        }
    }

    /** What the vault should hold (see the class comment). */
    public Money expected() {
        long held = jdbc.sql("""
                        SELECT coalesce((SELECT sum(stake_minor * stakes_held) FROM escrowed_bets WHERE stakes_held > 0), 0)
                             + coalesce((SELECT sum(amount_minor) FROM settlement_transfers WHERE status = 'failed'), 0)""")
                .query(Long.class).single();
        return properties.money(held);
    }

    private String request(String gameId, int attempt) {
        jdbc.sql("UPDATE liquidity_audits SET verdict = 'UNANSWERED', completed_at = now() WHERE verdict = 'PENDING'").update();
        String auditId = "audit-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO liquidity_audits (audit_id, game_id, expected_minor, currency, verdict, attempt)
                        VALUES (?, ?, ?, ?, 'PENDING', ?)""")
                .params(auditId, gameId, expected().amountMinor(), properties.currency(), attempt).update();
        Instant now = Avro.millis(clock.instant());
        publisher.raw(Topics.WALLET_VAULT_BALANCE_REQUESTS, auditId, VaultBalanceRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setRequestId(auditId).setRequestedAt(now)
                .setGameId(gameId).build());
        log.info("Liquidity audit {} asked (attempt {}, game {})", auditId, attempt, gameId);
        return auditId;
    }

    private boolean inFlight() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM liquidity_audits WHERE verdict = 'PENDING' AND requested_at > ?)")
                .param(Timestamp.from(clock.instant().minus(properties.auditTimeout())))
                .query(Boolean.class).single();
    }

    private Optional<LastAudit> last() {
        return jdbc.sql("""
                        SELECT verdict, attempt, next_attempt_at FROM liquidity_audits
                        WHERE verdict IN ('BALANCED', 'SURPLUS', 'SHORTFALL') ORDER BY completed_at DESC LIMIT 1""")
                .query((rs, n) -> new LastAudit(rs.getString(1).equals("SHORTFALL"), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private boolean tryLock() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(AUDIT_LOCK).query(Boolean.class).single();
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(AUDIT_LOCK).query(Object.class).single();
    }

    private record Pending(String gameId, long expectedMinor, int attempt) {
    }

    private record LastAudit(boolean shortfall, int attempt, Instant nextAttemptAt) {
    }
}
