package dev.p2pbet.settlement.audit;

import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.settlement.AuditVerdict;
import dev.p2pbet.schemas.settlement.LiquidityAuditFailed;
import dev.p2pbet.settlement.SettlementIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LiquidityAuditIT extends SettlementIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;

    @Test
    void a_shortfall_blocks_every_payout_and_a_later_matching_balance_releases_them() {
        String game = aGame();
        String alice = aUser("alice");
        String betId = aMatchedBet(game, alice, aUser("bob"), homeWins(), 1_000);
        gateway.tamper(-500);   // the vault holds 500 less than the books

        publish(gameFinalized(game, 2, 1, List.of()));

        String failedAudit = awaitAuditSince(betId, "SHORTFALL");
        assertThat(settlementEvents(failedAudit, 1)).singleElement().isInstanceOfSatisfying(LiquidityAuditFailed.class, f -> {
            assertThat(f.getVerdict()).isEqualTo(AuditVerdict.SHORTFALL);
            assertThat(f.getDifference().getAmountMinor()).isEqualTo(-500);
            assertThat(f.getNextAttemptAt()).isNotNull();
        });
        assertThat(meters.get("betting.payouts.blocked").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("betting.audit.vault.actual.minor").gauge().value()
                - meters.get("betting.audit.vault.expected.minor").gauge().value()).isEqualTo(-500.0);
        // retried with backoff, still short: nothing leaves the vault
        await().atMost(WAIT).until(() -> shortfallsSince(betId) >= 3);
        assertThat(settlementStatus(betId)).isEqualTo("decided");
        assertThat(gateway.commandsSeen(betId + ":payout")).isZero();
        assertThat(gateway.credited(alice)).isZero();

        gateway.tamper(0);

        awaitSettlement(betId, "paid");
        assertThat(gateway.credited(alice)).isEqualTo(1_950L);
        assertThat(meters.get("betting.payouts.blocked").gauge().value()).isZero();
    }

    @Test
    void a_surplus_lets_payouts_go_on_and_is_recorded_as_a_discrepancy() {
        String game = aGame();
        String betId = aMatchedBet(game, aUser("alice"), aUser("bob"), homeWins(), 700);
        gateway.tamper(250);

        publish(gameFinalized(game, 2, 1, List.of()));

        awaitSettlement(betId, "paid");
        String auditId = jdbc.sql("SELECT audit_id FROM settlements WHERE bet_id = ?").param(betId).query(String.class).single();
        assertThat(jdbc.sql("SELECT verdict || ':' || difference_minor FROM liquidity_audits WHERE audit_id = ?")
                .param(auditId).query(String.class).single()).isEqualTo("SURPLUS:250");
        assertThat(meters.get("betting.liquidity.audits").tag("verdict", "SURPLUS").counter().count()).isPositive();
    }

    @Test
    void an_operator_sees_the_audit_history_and_a_games_state_and_re_runs_a_blocked_audit() {
        String game = aGame();
        String betId = aMatchedBet(game, aUser("alice"), aUser("bob"), homeWins(), 400);
        assertThat(admin("POST", "/api/admin/audits/rerun", List.of("admin")).statusCode()).isEqualTo(409);
        gateway.tamper(-1);
        publish(gameFinalized(game, 2, 1, List.of()));
        awaitAuditSince(betId, "SHORTFALL");
        gateway.tamper(0);

        HttpResponse<String> rerun = admin("POST", "/api/admin/audits/rerun", List.of("admin"));

        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(202);
        String auditId = JSON.readTree(rerun.body()).path("auditId").asString();
        await().atMost(WAIT).until(() -> !"PENDING".equals(jdbc.sql("SELECT verdict FROM liquidity_audits WHERE audit_id = ?")
                .param(auditId).query(String.class).single()));
        awaitSettlement(betId, "paid");
        HttpResponse<String> audits = admin("GET", "/api/admin/audits?limit=100", List.of("admin"));
        assertThat(audits.statusCode()).isEqualTo(200);
        JsonNode history = JSON.readTree(audits.body());
        assertThat(history.valueStream().map(a -> a.path("verdict").asString())).contains("SHORTFALL", "BALANCED");
        HttpResponse<String> state = admin("GET", "/api/admin/games/" + game + "/settlement", List.of("admin"));
        assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(state.body());
        assertThat(body.path("betsByStatus").path("paid").asLong()).isEqualTo(1);
        assertThat(body.path("paidMinor").asLong()).isEqualTo(780);
        assertThat(body.path("feesMinor").asLong()).isEqualTo(20);
    }

    @Test
    void the_admin_api_is_for_admins_only() {
        assertThat(admin("GET", "/api/admin/audits", List.of()).statusCode()).isEqualTo(403);
        assertThat(admin("POST", "/api/admin/audits/rerun", List.of()).statusCode()).isEqualTo(403);
        assertThat(admin("GET", "/api/admin/games/nope/settlement", List.of("admin")).statusCode()).isEqualTo(404);
    }

    /** The first audit with this verdict requested after the bet's decision. */
    private String awaitAuditSince(String betId, String verdict) {
        return await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT a.audit_id FROM liquidity_audits a, settlements s
                        WHERE s.bet_id = ? AND a.requested_at >= s.decided_at AND a.verdict = ?
                        ORDER BY a.requested_at LIMIT 1""")
                .params(betId, verdict).query(String.class).optional(), Optional::isPresent).get();
    }

    private long shortfallsSince(String betId) {
        return jdbc.sql("""
                        SELECT count(*) FROM liquidity_audits a, settlements s
                        WHERE s.bet_id = ? AND a.requested_at >= s.decided_at AND a.verdict = 'SHORTFALL'""")
                .param(betId).query(Long.class).single();
    }
}
