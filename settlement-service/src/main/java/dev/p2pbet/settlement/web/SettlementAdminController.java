package dev.p2pbet.settlement.web;

import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.settlement.audit.LiquidityAuditor;
import dev.p2pbet.settlement.payout.TransferResends;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of settlement: a game's state, the audit history, a re-run of a blocked audit, and a re-send of a
 * transfer the provider refused for good.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
class SettlementAdminController {

    private final JdbcClient jdbc;
    private final LiquidityAuditor auditor;
    private final TransferResends resends;

    SettlementAdminController(JdbcClient jdbc, LiquidityAuditor auditor, TransferResends resends) {
        this.jdbc = jdbc;
        this.auditor = auditor;
        this.resends = resends;
    }

    record GameSettlement(String gameId, String result, Map<String, Long> betsByStatus, Map<String, Long> betsByOutcome,
                          long paidMinor, long feesMinor, long refundedMinor, long gasRecoveredMinor,
                          long transfersPending, long transfersFailed) {
    }

    record Audit(String auditId, String gameId, Long expectedMinor, Long actualMinor, Long differenceMinor,
                 String currency, String verdict, int attempt, Instant requestedAt, Instant completedAt,
                 Instant nextAttemptAt) {
    }

    record AuditRequested(String auditId) {
    }

    @GetMapping("/games/{gameId}/settlement")
    GameSettlement game(@PathVariable String gameId) {
        Optional<String> result = jdbc.sql("SELECT kind FROM game_results WHERE game_id = ?").param(gameId)
                .query(String.class).optional();
        Map<String, Long> byStatus = counts("SELECT status, count(*) FROM settlements WHERE game_id = ? GROUP BY status", gameId);
        if (result.isEmpty() && byStatus.isEmpty()) {
            throw ApiProblem.notFound("GAME_NOT_SETTLED", "no result and no settlement for game " + gameId);
        }
        Map<String, Long> byOutcome = counts("SELECT outcome, count(*) FROM settlements WHERE game_id = ? GROUP BY outcome", gameId);
        Map<String, Long> money = counts("""
                SELECT t.purpose || ':' || t.status, sum(t.amount_minor) FROM settlement_transfers t
                JOIN settlements s ON s.bet_id = t.bet_id WHERE s.game_id = ? GROUP BY t.purpose, t.status""", gameId);
        Map<String, Long> transfers = counts("""
                SELECT t.status, count(*) FROM settlement_transfers t
                JOIN settlements s ON s.bet_id = t.bet_id WHERE s.game_id = ? GROUP BY t.status""", gameId);
        return new GameSettlement(gameId, result.orElse("none"), byStatus, byOutcome,
                money.getOrDefault("PAYOUT:confirmed", 0L), money.getOrDefault("FEE:confirmed", 0L),
                money.getOrDefault("REFUND:confirmed", 0L), money.getOrDefault("GAS_RECOVERY:confirmed", 0L),
                transfers.getOrDefault("commanded", 0L), transfers.getOrDefault("failed", 0L));
    }

    @GetMapping("/audits")
    List<Audit> audits(@RequestParam(defaultValue = "50") int limit) {
        return jdbc.sql("""
                        SELECT audit_id, game_id, expected_minor, actual_minor, difference_minor, currency, verdict, attempt,
                               requested_at, completed_at, next_attempt_at
                        FROM liquidity_audits ORDER BY requested_at DESC LIMIT ?""")
                .param(Math.clamp(limit, 1, 500))
                .query((rs, n) -> new Audit(rs.getString(1), rs.getString(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6).trim(), rs.getString(7),
                        rs.getInt(8), rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()))
                .list();
    }

    /** Asks for a new audit now, without waiting for the shortfall backoff; 409 unless the last audit failed. */
    @PostMapping("/audits/rerun")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AuditRequested rerun() {
        return new AuditRequested(auditor.rerunBlocked());
    }

    /**
     * Re-sends a transfer out of escrow the provider refused for good under {@code <transfer id>:retry-<n>}, after the
     * next passed audit; asked again, answers with the same re-send. 404 for an unknown transfer, 409 unless it (or its
     * last re-send) failed for good.
     */
    @PostMapping("/transfers/{transferId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TransferResends.Resend resend(@PathVariable String transferId) {
        return resends.resend(transferId);
    }

    private Map<String, Long> counts(String sql, String gameId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param(gameId).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
