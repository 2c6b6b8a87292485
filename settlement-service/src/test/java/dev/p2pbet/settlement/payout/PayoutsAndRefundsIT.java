package dev.p2pbet.settlement.payout;

import static dev.p2pbet.settlement.support.OtherServices.gameCancelled;
import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static dev.p2pbet.settlement.support.OtherServices.playerPoints;
import static dev.p2pbet.settlement.support.OtherServices.points;
import static dev.p2pbet.settlement.support.OtherServices.totalPoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.schemas.bet.SelectionSide;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.PayoutCommanded;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import dev.p2pbet.schemas.settlement.TransferHeldForGas;
import dev.p2pbet.settlement.SettlementIT;
import dev.p2pbet.settlement.support.FakeGateway;
import dev.p2pbet.settlement.support.OtherServices;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutsAndRefundsIT extends SettlementIT {

    @Test
    void pays_the_winner_two_stakes_minus_the_fee_and_revenue_the_fee_once_the_audit_passed() {
        String game = aGame();
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = aMatchedBet(game, alice, bob, homeWins(), 1_000);

        publish(gameFinalized(game, 101, 99, List.of()));

        awaitSettlement(betId, "paid");
        assertThat(gateway.executed(betId + ":payout")).isEqualTo(1_950L);
        assertThat(gateway.executed(betId + ":fee")).isEqualTo(50L);
        assertThat(gateway.credited(alice)).isEqualTo(1_950L);
        assertThat(gateway.credited(bob)).isZero();
        List<Object> events = settlementEvents(betId, 2);
        assertThat(events).hasExactlyElementsOfTypes(PayoutCommanded.class, BetSettled.class);
        BetSettled settled = (BetSettled) events.get(1);
        assertThat(settled.getWinnerId()).isEqualTo(alice);
        assertThat(settled.getLoserId()).isEqualTo(bob);
        assertThat(settled.getPot().getAmountMinor()).isEqualTo(2_000);
        assertThat(settled.getFee().getAmountMinor()).isEqualTo(50);
        assertThat(settled.getPayout().getAmountMinor()).isEqualTo(1_950);
        String auditId = ((PayoutCommanded) events.get(0)).getAuditId();
        assertThat(jdbc.sql("SELECT verdict FROM liquidity_audits WHERE audit_id = ?").param(auditId)
                .query(String.class).single()).isIn("BALANCED", "SURPLUS");
    }

    @Test
    void rounds_the_fee_down_to_the_minor_unit() {
        String game = aGame();
        String bob = aUser("bob");
        String betId = aMatchedBet(game, aUser("alice"), bob, totalPoints(SelectionSide.OVER, 2155), 333);

        publish(gameFinalized(game, 108, 107, List.of()));   // 215 < 215.5: the acceptor (UNDER) wins

        awaitSettlement(betId, "paid");
        assertThat(gateway.executed(betId + ":fee")).isEqualTo(16L);      // floor(666 * 0.025) = floor(16.65)
        assertThat(gateway.executed(betId + ":payout")).isEqualTo(650L);
        assertThat(gateway.credited(bob)).isEqualTo(650L);
    }

    @Test
    void does_not_send_a_zero_fee() {
        String game = aGame();
        String betId = aMatchedBet(game, aUser("alice"), aUser("bob"), homeWins(), 19);  // fee floor(0.95) = 0

        publish(gameFinalized(game, 1, 0, List.of()));

        awaitSettlement(betId, "paid");
        assertThat(gateway.executed(betId + ":payout")).isEqualTo(38L);
        assertThat(gateway.commandsSeen(betId + ":fee")).isZero();
    }

    @Test
    void a_push_refunds_both_stakes_minus_exactly_the_gas_recorded_and_quoted() {
        String game = aGame();
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = aMatchedBet(game, alice, bob, totalPoints(SelectionSide.OVER, 2150), 1_000);

        publish(gameFinalized(game, 108, 107, List.of()));   // exactly 215.0: push

        awaitSettlement(betId, "refunded");
        long quote = FakeGateway.DEFAULT_GAS_QUOTE;
        assertThat(gateway.executed(betId + ":refund-creator")).isEqualTo(1_000 - CREATOR_GAS - quote);
        assertThat(gateway.executed(betId + ":gas-recovery-creator")).isEqualTo(CREATOR_GAS + quote);
        assertThat(gateway.executed(betId + ":refund-acceptor")).isEqualTo(1_000 - ACCEPTOR_GAS - quote);
        assertThat(gateway.executed(betId + ":gas-recovery-acceptor")).isEqualTo(ACCEPTOR_GAS + quote);
        List<StakeRefunded> refunds = settlementEvents(betId, 2).stream().map(StakeRefunded.class::cast).toList();
        assertThat(refunds).extracting(StakeRefunded::getUserId).containsExactlyInAnyOrder(alice, bob);
        assertThat(refunds).allSatisfy(r -> {
            assertThat(r.getReason()).isEqualTo(RefundReason.PUSH);
            assertThat(r.getRefunded().getAmountMinor() + r.getGasDeducted().getAmountMinor()).isEqualTo(1_000);
        });
        assertThat(refunds).filteredOn(r -> r.getUserId().equals(alice)).singleElement()
                .satisfies(r -> assertThat(r.getGasDeducted().getAmountMinor()).isEqualTo(CREATOR_GAS + quote));
    }

    @Test
    void a_refund_takes_gas_out_from_the_gas_quote_of_the_balance_report_of_the_audit_that_released_it() {
        gateway.gasQuote(23);
        String game = aGame();
        String alice = aUser("alice");
        String betId = anOpenOffer(game, alice, homeWins(), 400);

        publish(gameCancelled(game));
        publish(OtherServices.betExpiredByCancellation(betId, game, alice));

        awaitSettlement(betId, "refunded");
        assertThat(gateway.executed(betId + ":refund-creator")).isEqualTo(400 - CREATOR_GAS - 23);
        assertThat(gateway.executed(betId + ":gas-recovery-creator")).isEqualTo(CREATOR_GAS + 23);
        assertThat(jdbc.sql("SELECT gas_quote_minor FROM settlement_transfers WHERE transfer_id = ?")
                .param(betId + ":refund-creator").query(Long.class).single()).isEqualTo(23L);
    }

    @Test
    void a_refund_takes_the_configured_gas_estimate_as_gas_out_when_the_balance_report_has_no_quote() {
        gateway.noGasQuote();
        String game = aGame();
        String alice = aUser("alice");
        String betId = anOpenOffer(game, alice, homeWins(), 400);

        publish(gameCancelled(game));
        publish(OtherServices.betExpiredByCancellation(betId, game, alice));

        awaitSettlement(betId, "refunded");
        long estimate = 10;   // p2pbet.settlement.refund-gas-estimate-minor
        assertThat(gateway.executed(betId + ":refund-creator")).isEqualTo(400 - CREATOR_GAS - estimate);
        assertThat(gateway.executed(betId + ":gas-recovery-creator")).isEqualTo(CREATOR_GAS + estimate);
    }

    @Test
    void a_cancelled_game_refunds_matched_bets_and_the_open_offers_bet_service_ends_minus_the_gas() {
        String game = aGame();
        String carol = aUser("carol");
        String matched = aMatchedBet(game, aUser("alice"), aUser("bob"), homeWins(), 500);
        String open = anOpenOffer(game, carol, homeWins(), 400);

        publish(gameCancelled(game));
        publish(OtherServices.betExpiredByCancellation(open, game, carol));

        awaitSettlement(matched, "refunded");
        awaitSettlement(open, "refunded");
        assertThat(gateway.executed(open + ":refund-creator")).isEqualTo(400 - CREATOR_GAS - FakeGateway.DEFAULT_GAS_QUOTE);
        assertThat(gateway.commandsSeen(open + ":refund-acceptor")).isZero();
        assertThat(settlementEvents(open, 1)).singleElement().isInstanceOfSatisfying(StakeRefunded.class, r -> {
            assertThat(r.getUserId()).isEqualTo(carol);
            assertThat(r.getReason()).isEqualTo(RefundReason.CANCELLED);
        });
        assertThat(settlementEvents(matched, 2)).hasSize(2);
    }

    @Test
    void an_acceptance_that_reaches_settlement_after_the_cancellation_gets_both_stakes_refunded() {
        String game = aGame();
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = anOpenOffer(game, alice, homeWins(), 600);

        publish(gameCancelled(game));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM game_results WHERE game_id = ?").param(game)
                .query(Long.class).single() == 1);
        gateway.escrowIn(600);
        publish(OtherServices.betMatched(betId, bob, ACCEPTOR_GAS));

        awaitSettlement(betId, "refunded");
        assertThat(gateway.commandsSeen(betId + ":refund-creator")).isEqualTo(1);
        assertThat(gateway.commandsSeen(betId + ":refund-acceptor")).isEqualTo(1);
        List<StakeRefunded> refunds = settlementEvents(betId, 2).stream().map(StakeRefunded.class::cast).toList();
        assertThat(refunds).extracting(StakeRefunded::getUserId).containsExactlyInAnyOrder(alice, bob);
        assertThat(refunds).allSatisfy(r -> assertThat(r.getReason()).isEqualTo(RefundReason.CANCELLED));
    }

    @Test
    void an_open_offer_is_not_refunded_on_the_cancellation_alone() {
        String game = aGame();
        String betId = anOpenOffer(game, aUser("alice"), homeWins(), 600);

        publish(gameCancelled(game));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM game_results WHERE game_id = ?").param(game)
                .query(Long.class).single() == 1);

        assertThat(settlementStatus(betId)).as("its acceptance may still be on its way").isEmpty();
        assertThat(gateway.commandsSeen(betId + ":refund-creator")).isZero();
    }

    @Test
    void a_withdrawn_offer_refunds_the_creators_stake_once_even_when_the_game_is_cancelled_later() {
        String game = aGame();
        String alice = aUser("alice");
        String betId = anOpenOffer(game, alice, homeWins(), 300);

        publish(OtherServices.betWithdrawn(betId, alice));
        awaitSettlement(betId, "refunded");
        publish(gameCancelled(game));

        assertThat(settlementEvents(betId, 1)).singleElement().isInstanceOfSatisfying(StakeRefunded.class,
                r -> assertThat(r.getReason()).isEqualTo(RefundReason.WITHDRAWN));
        assertThat(gateway.commandsSeen(betId + ":refund-creator")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT outcome FROM settlements WHERE bet_id = ?").param(betId).query(String.class).single())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void an_offer_still_open_at_game_start_is_refunded_as_unmatched() {
        String game = aGame();
        String alice = aUser("alice");
        String betId = anOpenOffer(game, alice, homeWins(), 300);

        publish(OtherServices.betExpired(betId, game, alice));

        awaitSettlement(betId, "refunded");
        assertThat(settlementEvents(betId, 1)).singleElement().isInstanceOfSatisfying(StakeRefunded.class,
                r -> assertThat(r.getReason()).isEqualTo(RefundReason.UNMATCHED_AT_START));
    }

    @Test
    void a_player_bet_is_void_and_refunded_when_the_player_did_not_play() {
        String game = aGame();
        String betId = aMatchedBet(game, aUser("alice"), aUser("bob"), playerPoints("p-7", SelectionSide.OVER, 205), 800);

        publish(gameFinalized(game, 100, 90, List.of(points("p-7", false, 0))));

        awaitSettlement(betId, "refunded");
        assertThat(jdbc.sql("SELECT outcome FROM settlements WHERE bet_id = ?").param(betId).query(String.class).single())
                .isEqualTo("VOID");
        assertThat(gateway.commandsSeen(betId + ":payout")).isZero();
    }

    @Test
    void a_payout_whose_gas_quote_reaches_its_amount_waits_in_high_gas_wait_and_goes_out_when_gas_falls() {
        String game = aGame();
        String betId = aMatchedBet(game, aUser("alice"), aUser("bob"), homeWins(), 100);
        gateway.gasQuote(195);   // the payout is 195: quote at the amount

        publish(gameFinalized(game, 1, 0, List.of()));

        awaitSettlement(betId, "high_gas_wait");
        assertThat(settlementEvents(betId, 1)).first().isInstanceOfSatisfying(TransferHeldForGas.class, held -> {
            assertThat(held.getAmount().getAmountMinor()).isEqualTo(195);
            assertThat(held.getGasQuote().getAmountMinor()).isEqualTo(195);
        });
        assertThat(gateway.commandsSeen(betId + ":payout")).isZero();

        gateway.gasQuote(FakeGateway.DEFAULT_GAS_QUOTE);

        awaitSettlement(betId, "paid");
        assertThat(gateway.executed(betId + ":payout")).isEqualTo(195L);
    }

    @Test
    void a_bet_matched_after_its_game_was_decided_is_still_decided() {
        String game = aGame();
        String alice = aUser("alice");
        String betId = anOpenOffer(game, alice, homeWins(), 200);
        publish(gameFinalized(game, 90, 100, List.of()));
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM game_results WHERE game_id = ?").param(game)
                .query(Long.class).single() == 1);

        gateway.escrowIn(200);
        String bob = aUser("bob");
        publish(OtherServices.betMatched(betId, bob, ACCEPTOR_GAS));

        awaitSettlement(betId, "paid");
        assertThat(gateway.credited(bob)).isEqualTo(390L);
    }

    @Test
    void a_payout_the_provider_refused_retryably_counts_as_in_the_vault_and_goes_again_under_the_same_id() {
        String game = aGame();
        String alice = aUser("alice");
        String betId = aMatchedBet(game, alice, aUser("bob"), homeWins(), 1_000);
        gateway.failOnce(betId + ":payout");

        publish(gameFinalized(game, 3, 1, List.of()));

        awaitSettlement(betId, "paid");
        assertThat(gateway.commandsSeen(betId + ":payout")).isEqualTo(2);
        assertThat(gateway.credited(alice)).isEqualTo(1_950L);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM liquidity_audits a, settlements s
                        WHERE s.bet_id = ? AND a.requested_at >= s.decided_at AND a.verdict = 'SHORTFALL'""")
                .param(betId).query(Long.class).single()).as("no false shortfall from the failed payout").isZero();
    }

    @Test
    void a_bet_is_never_both_paid_and_refunded_when_a_cancellation_follows_the_final_result() {
        String game = aGame();
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = aMatchedBet(game, alice, bob, homeWins(), 600);

        publish(gameFinalized(game, 3, 1, List.of()));
        publish(gameCancelled(game));

        awaitSettlement(betId, "paid");
        assertThat(settlementEvents(betId, 2)).hasExactlyElementsOfTypes(PayoutCommanded.class, BetSettled.class);
        assertThat(gateway.commandsSeen(betId + ":refund-creator")).isZero();
        assertThat(gateway.commandsSeen(betId + ":refund-acceptor")).isZero();
        assertThat(gateway.credited(bob)).isZero();
    }
}
