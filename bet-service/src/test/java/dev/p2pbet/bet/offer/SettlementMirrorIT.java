package dev.p2pbet.bet.offer;

import static dev.p2pbet.bet.OtherServices.betSettled;
import static dev.p2pbet.bet.OtherServices.heldForGas;
import static dev.p2pbet.bet.OtherServices.payoutCommanded;
import static dev.p2pbet.bet.OtherServices.stakeRefunded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.bet.BetIT;
import dev.p2pbet.schemas.bet.BetDecided;
import dev.p2pbet.schemas.bet.BetOutcome;
import dev.p2pbet.schemas.bet.BetRefunded;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SettlementMirrorIT extends BetIT {

    @Test
    void a_bet_the_creator_won_goes_through_settling_to_won() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = aMatchedBet(alice, bob, aScheduledGame(), 1_000);

        publish(payoutCommanded(betId, alice, bob, 1_000));
        awaitStatus(betId, "settling");
        publish(betSettled(betId, alice, bob, 1_000));

        JsonNode won = awaitStatus(betId, "won");
        assertThat(won.path("winnerId").asString()).isEqualTo(alice);
        List<Object> events = betEvents(betId, 5);
        assertThat(events.get(4)).isInstanceOfSatisfying(BetDecided.class, decided -> {
            assertThat(decided.getStatus()).isEqualTo(BetOutcome.WON);
            assertThat(decided.getPayout().getAmountMinor()).isEqualTo(1_950);
            assertThat(decided.getFee().getAmountMinor()).isEqualTo(50);
        });
    }

    @Test
    void a_bet_the_acceptor_won_is_lost_after_waiting_for_gas() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = aMatchedBet(alice, bob, aScheduledGame(), 1_000);

        publish(heldForGas(betId, 1_950));
        awaitStatus(betId, "high_gas_wait");
        publish(payoutCommanded(betId, bob, alice, 1_000));
        awaitStatus(betId, "settling");
        publish(betSettled(betId, bob, alice, 1_000));

        assertThat(awaitStatus(betId, "lost").path("winnerId").asString()).isEqualTo(bob);
    }

    @Test
    void a_push_is_refunded_once_both_stakes_are_back() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = aMatchedBet(alice, bob, aScheduledGame(), 1_000);

        SettlementEvent bobsRefund = stakeRefunded(betId, bob, 1_000, 20, RefundReason.PUSH);
        publish(bobsRefund);
        awaitConsumed(bobsRefund.getEventId());
        assertThat(bet(betId).path("status").asString()).isEqualTo("matched");
        publish(stakeRefunded(betId, alice, 1_000, 25, RefundReason.PUSH));

        JsonNode refunded = awaitStatus(betId, "refunded");
        assertThat(refunded.path("creatorRefundMinor").asLong()).isEqualTo(975);
        assertThat(refunded.path("acceptorRefundMinor").asLong()).isEqualTo(980);
        assertThat(refunded.path("statusReason").asString()).isEqualTo("PUSH");
        List<Object> events = betEvents(betId, 5);
        assertThat(events.get(4)).isInstanceOfSatisfying(BetRefunded.class, r -> {
            assertThat(r.getCreatorRefund().getAmountMinor()).isEqualTo(975);
            assertThat(r.getAcceptorRefund().getAmountMinor()).isEqualTo(980);
        });
    }

    @Test
    void a_withdrawn_offer_is_refunded_with_the_one_stake_it_held() {
        String alice = aUser("alice");
        String betId = anOpenOffer(alice, aScheduledGame(), 1_000);
        post("/api/bets/" + betId + "/withdraw", "", alice);

        publish(stakeRefunded(betId, alice, 1_000, 30, RefundReason.WITHDRAWN));

        JsonNode refunded = awaitStatus(betId, "refunded");
        assertThat(refunded.path("creatorRefundMinor").asLong()).isEqualTo(970);
        assertThat(refunded.path("statusReason").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_duplicate_or_late_settlement_event_changes_nothing() {
        String alice = aUser("alice");
        String bob = aUser("bob");
        String betId = aMatchedBet(alice, bob, aScheduledGame(), 1_000);
        SettlementEvent settled = betSettled(betId, alice, bob, 1_000);
        publish(settled);
        awaitStatus(betId, "won");

        publish(settled);
        SettlementEvent late = payoutCommanded(betId, bob, alice, 1_000);
        publish(late);
        awaitConsumed(late.getEventId());

        assertThat(bet(betId).path("status").asString()).isEqualTo("won");
        assertThat(betEvents(betId, 5)).filteredOn(BetDecided.class::isInstance).hasSize(1);
    }
}
