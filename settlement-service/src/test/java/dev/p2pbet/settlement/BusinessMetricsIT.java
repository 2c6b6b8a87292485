package dev.p2pbet.settlement;

import static dev.p2pbet.settlement.support.OtherServices.betExpiredByCancellation;
import static dev.p2pbet.settlement.support.OtherServices.gameCancelled;
import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The business metrics under the names the business dashboard queries
 * (deploy/k8s/base/monitoring/p2pbet-business-dashboard.json, issue 8: {@code betting_*}).
 */
class BusinessMetricsIT extends SettlementIT {

    private static final List<String> DASHBOARD_SERIES = List.of(
            "betting_payouts_blocked",
            "betting_audit_vault_expected_minor",
            "betting_audit_vault_actual_minor",
            "betting_liquidity_audits_total{",
            "betting_bets_settled_total{",
            "betting_settlement_duration_seconds_bucket{",
            "betting_payouts_amount_minor_total",
            "betting_refunds_amount_minor_total",
            "betting_margin_minor");

    @Test
    void a_settled_payout_and_refund_show_under_the_names_the_business_dashboard_queries() throws Exception {
        String paidGame = aGame();
        String paid = aMatchedBet(paidGame, aUser("alice"), aUser("bob"), homeWins(), 1_000);
        String refundedGame = aGame();
        String carol = aUser("carol");
        String refunded = anOpenOffer(refundedGame, carol, homeWins(), 500);

        publish(gameFinalized(paidGame, 3, 1, List.of()));
        publish(gameCancelled(refundedGame));
        publish(betExpiredByCancellation(refunded, refundedGame, carol));
        awaitSettlement(paid, "paid");
        awaitSettlement(refunded, "refunded");

        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus()).contains(DASHBOARD_SERIES));
        assertThat(Arrays.stream(prometheus().split("\n")).filter(line -> line.startsWith("settlement_")).toList())
                .as("business meters of settlement are all named betting_*").isEmpty();
    }

    private String prometheus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
