package dev.p2pbet.settlement.payout;

import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.PayoutCommanded;
import dev.p2pbet.settlement.SettlementIT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operator re-sends a transfer out of escrow the provider refused for good (admin API). */
class TransferResendIT extends SettlementIT {

    private static final List<String> ADMIN = List.of("admin");

    @Test
    void re_sends_a_payout_refused_for_good_under_a_new_transfer_id_once_and_the_bet_is_paid_once() {
        String alice = aUser("alice");
        String betId = aPayoutRefusedForGood(alice);

        HttpResponse<String> resent = admin("POST", "/api/admin/transfers/" + betId + ":payout/resend", ADMIN);

        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(resent.body()).contains("\"transferId\":\"" + betId + ":payout:retry-1\"")
                .contains("\"retryOf\":\"" + betId + ":payout\"");
        awaitSettlement(betId, "paid");
        assertThat(gateway.executed(betId + ":payout:retry-1")).isEqualTo(1_950L);
        assertThat(gateway.executed(betId + ":payout")).isNull();
        assertThat(gateway.credited(alice)).isEqualTo(1_950L);
        assertThat(settlementEvents(betId, 2)).hasExactlyElementsOfTypes(PayoutCommanded.class, BetSettled.class);
        assertThat(jdbc.sql("SELECT status FROM settlement_transfers WHERE transfer_id = ?").param(betId + ":payout")
                .query(String.class).single()).isEqualTo("superseded");
    }

    @Test
    void a_second_resend_answers_with_the_first_and_sends_nothing_more() {
        String betId = aPayoutRefusedForGood(aUser("alice"));

        HttpResponse<String> first = admin("POST", "/api/admin/transfers/" + betId + ":payout/resend", ADMIN);
        HttpResponse<String> second = admin("POST", "/api/admin/transfers/" + betId + ":payout/resend", ADMIN);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.body()).contains("\"transferId\":\"" + betId + ":payout:retry-1\"");
        awaitSettlement(betId, "paid");
        assertThat(admin("POST", "/api/admin/transfers/" + betId + ":payout/resend", ADMIN).body())
                .contains("\"transferId\":\"" + betId + ":payout:retry-1\"").contains("\"status\":\"confirmed\"");
        assertThat(jdbc.sql("SELECT count(*) FROM settlement_transfers WHERE retry_of = ?").param(betId + ":payout")
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(gateway.commandsSeen(betId + ":payout:retry-1")).isEqualTo(1);
    }

    @Test
    void refuses_to_re_send_a_transfer_that_did_not_fail_for_good() {
        String game = aGame();
        String betId = aMatchedBet(game, aUser("alice"), aUser("bob"), homeWins(), 600);
        publish(gameFinalized(game, 1, 0, List.of()));
        awaitSettlement(betId, "paid");

        HttpResponse<String> refused = admin("POST", "/api/admin/transfers/" + betId + ":payout/resend", ADMIN);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("TRANSFER_NOT_FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM settlement_transfers WHERE retry_of = ?").param(betId + ":payout")
                .query(Long.class).single()).isZero();
    }

    @Test
    void answers_404_for_a_transfer_it_does_not_know() {
        HttpResponse<String> unknown = admin("POST", "/api/admin/transfers/" + aBetId() + ":payout/resend", ADMIN);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("TRANSFER_NOT_FOUND");
    }

    @Test
    void re_sending_is_for_admins_only() {
        HttpResponse<String> refused = admin("POST", "/api/admin/transfers/" + aBetId() + ":payout/resend", List.of());

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    /** A bet whose winner's payout the provider refused for good: its fee is paid, the bet waits in settling. */
    private String aPayoutRefusedForGood(String winner) {
        String game = aGame();
        String betId = aMatchedBet(game, winner, aUser("bob"), homeWins(), 1_000);
        gateway.failForGood(betId + ":payout");
        publish(gameFinalized(game, 2, 1, List.of()));
        await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT status || ':' || retryable FROM settlement_transfers WHERE transfer_id = ?""")
                .param(betId + ":payout").query(String.class).optional().orElse("").equals("failed:false"));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> settlementStatus(betId).equals("settling"));
        return betId;
    }
}
