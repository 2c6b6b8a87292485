package dev.p2pbet.bet.offer.domain;

import static dev.p2pbet.bet.offer.domain.BetFixtures.ACCEPTOR;
import static dev.p2pbet.bet.offer.domain.BetFixtures.CREATOR;
import static dev.p2pbet.bet.offer.domain.BetFixtures.NOW;
import static dev.p2pbet.bet.offer.domain.BetFixtures.RULES;
import static dev.p2pbet.bet.offer.domain.BetFixtures.aBetIn;
import static dev.p2pbet.bet.offer.domain.BetFixtures.aGame;
import static dev.p2pbet.bet.offer.domain.BetFixtures.aMatchedBet;
import static dev.p2pbet.bet.offer.domain.BetFixtures.aMatchingBet;
import static dev.p2pbet.bet.offer.domain.BetFixtures.aPendingBet;
import static dev.p2pbet.bet.offer.domain.BetFixtures.aScheduledGame;
import static dev.p2pbet.bet.offer.domain.BetFixtures.anOpenBet;
import static dev.p2pbet.bet.offer.domain.BetFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pbet.bet.game.domain.GameStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BetTest {

    @Test
    void an_offer_waits_for_the_creators_escrow() {
        Transition created = Bet.offer("b-1", CREATOR, aScheduledGame(), Selection.gameWinner(SelectionSide.AWAY),
                usd(500), RULES, 0, NOW);

        assertThat(created.bet().status()).isEqualTo(BetStatus.ESCROW_PENDING);
        assertThat(created.events()).containsExactly(new BetEvent.Created("b-1", "g-1", CREATOR,
                Selection.gameWinner(SelectionSide.AWAY), usd(500), NOW));
    }

    @ParameterizedTest
    @EnumSource(value = GameStatus.class, names = "SCHEDULED", mode = EnumSource.Mode.EXCLUDE)
    void no_offer_on_a_game_that_is_not_scheduled(GameStatus status) {
        assertThatThrownBy(() -> Bet.offer("b-1", CREATOR, aGame(status), Selection.gameWinner(SelectionSide.HOME),
                usd(500), RULES, 0, NOW)).isInstanceOf(GameNotOpenException.class);
    }

    @Test
    void the_confirmed_creator_escrow_opens_the_offer() {
        Transition opened = aPendingBet().build().confirmCreatorEscrow(usd(12), true);

        assertThat(opened.bet().status()).isEqualTo(BetStatus.OPEN);
        assertThat(opened.from()).isEqualTo(BetStatus.ESCROW_PENDING);
        assertThat(opened.events()).containsExactly(new BetEvent.Opened(opened.bet().betId(), usd(12)));
    }

    @Test
    void an_escrow_confirmed_after_the_game_started_opens_and_expires_the_offer_at_once() {
        Transition late = aPendingBet().build().confirmCreatorEscrow(usd(12), false);

        assertThat(late.bet().status()).isEqualTo(BetStatus.EXPIRED);
        assertThat(late.events()).hasSize(2).last().isInstanceOf(BetEvent.Expired.class);
    }

    @Test
    void a_failed_creator_escrow_rejects_the_offer_and_keeps_the_reason() {
        Transition rejected = aPendingBet().build().rejectCreatorEscrow(FailureReason.INSUFFICIENT_FUNDS, "broke");

        assertThat(rejected.bet().status()).isEqualTo(BetStatus.REJECTED);
        assertThat(rejected.bet().statusReason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(rejected.bet().statusDetail()).isEqualTo("broke");
    }

    @Test
    void a_second_confirmation_is_an_illegal_transition() {
        Bet open = aPendingBet().build().confirmCreatorEscrow(usd(12), true).bet();

        assertThatThrownBy(() -> open.confirmCreatorEscrow(usd(12), true))
                .isInstanceOf(IllegalBetTransitionException.class);
        assertThatThrownBy(() -> open.rejectCreatorEscrow(FailureReason.OTHER, "late"))
                .isInstanceOf(IllegalBetTransitionException.class);
    }

    @Test
    void accepting_an_open_offer_makes_it_matching_with_the_next_attempt() {
        Transition accepted = anOpenBet().withAcceptAttempts(1).build().accept(ACCEPTOR, aScheduledGame());

        assertThat(accepted.bet().status()).isEqualTo(BetStatus.MATCHING);
        assertThat(accepted.bet().pendingAcceptorId()).isEqualTo(ACCEPTOR);
        assertThat(accepted.events()).containsExactly(
                new BetEvent.AcceptRequested(accepted.bet().betId(), ACCEPTOR, 2, usd(1_000)));
    }

    @Test
    void a_creator_cannot_accept_their_own_offer() {
        assertThatThrownBy(() -> anOpenBet().build().accept(CREATOR, aScheduledGame()))
                .isInstanceOfSatisfying(BetRuleViolation.class, e -> assertThat(e.reason()).isEqualTo("OWN_BET"));
    }

    @Test
    void a_matching_bet_cannot_be_accepted_again() {
        assertThatThrownBy(() -> aMatchingBet().build().accept("carol", aScheduledGame()))
                .isInstanceOf(IllegalBetTransitionException.class);
    }

    @Test
    void no_acceptance_once_the_game_is_live() {
        assertThatThrownBy(() -> anOpenBet().build().accept(ACCEPTOR, aGame(GameStatus.LIVE)))
                .isInstanceOf(GameNotOpenException.class);
    }

    @Test
    void the_confirmed_acceptor_escrow_matches_the_bet() {
        Transition matched = aMatchingBet().build().confirmAcceptorEscrow(1, usd(9));

        assertThat(matched.bet().status()).isEqualTo(BetStatus.MATCHED);
        assertThat(matched.bet().acceptorId()).isEqualTo(ACCEPTOR);
        assertThat(matched.bet().pendingAcceptorId()).isNull();
    }

    @Test
    void a_confirmation_of_an_earlier_attempt_changes_nothing() {
        assertThatThrownBy(() -> aMatchingBet().withPendingAcceptor("carol", 2).build().confirmAcceptorEscrow(1, usd(9)))
                .isInstanceOf(IllegalBetTransitionException.class);
    }

    @Test
    void a_failed_acceptor_escrow_opens_the_offer_again() {
        Transition failed = aMatchingBet().build().failAcceptorEscrow(1, FailureReason.INSUFFICIENT_FUNDS, "broke", true);

        assertThat(failed.bet().status()).isEqualTo(BetStatus.OPEN);
        assertThat(failed.bet().pendingAcceptorId()).isNull();
        assertThat(failed.bet().acceptAttempts()).isEqualTo(1);
        assertThat(failed.events()).singleElement().isInstanceOf(BetEvent.AcceptFailed.class);
    }

    @Test
    void a_failed_acceptor_escrow_after_the_game_started_ends_the_offer() {
        Transition failed = aMatchingBet().build().failAcceptorEscrow(1, FailureReason.OTHER, "x", false);

        assertThat(failed.bet().status()).isEqualTo(BetStatus.EXPIRED);
        assertThat(failed.events()).last().isInstanceOf(BetEvent.Expired.class);
    }

    @Test
    void the_creator_withdraws_an_open_offer() {
        Transition withdrawn = anOpenBet().build().withdraw(CREATOR);

        assertThat(withdrawn.bet().status()).isEqualTo(BetStatus.WITHDRAWN);
        assertThat(withdrawn.events()).singleElement().isInstanceOf(BetEvent.Withdrawn.class);
    }

    @Test
    void another_user_cannot_withdraw_an_offer() {
        assertThatThrownBy(() -> anOpenBet().build().withdraw(ACCEPTOR)).isInstanceOf(NotYourBetException.class);
    }

    @ParameterizedTest
    @EnumSource(value = BetStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void only_an_open_offer_can_be_withdrawn(BetStatus status) {
        assertThatThrownBy(() -> aBetIn(status).build().withdraw(CREATOR))
                .isInstanceOf(IllegalBetTransitionException.class);
    }

    @Test
    void an_open_offer_expires_when_its_game_starts() {
        Transition expired = anOpenBet().build().expire(false);

        assertThat(expired.bet().status()).isEqualTo(BetStatus.EXPIRED);
        assertThat(expired.events()).singleElement().isInstanceOfSatisfying(BetEvent.Expired.class,
                e -> assertThat(e.gameCancelled()).isFalse());
    }

    @Test
    void an_open_offer_expires_when_its_game_is_cancelled_and_says_so() {
        Transition expired = anOpenBet().build().expire(true);

        assertThat(expired.bet().status()).isEqualTo(BetStatus.EXPIRED);
        assertThat(expired.events()).singleElement().isInstanceOfSatisfying(BetEvent.Expired.class,
                e -> assertThat(e.gameCancelled()).isTrue());
    }

    @Test
    void a_matched_bet_does_not_expire() {
        assertThatThrownBy(() -> aMatchedBet().build().expire(true)).isInstanceOf(IllegalBetTransitionException.class);
    }

    @Test
    void a_bet_being_accepted_does_not_expire_its_acceptors_escrow_decides() {
        assertThatThrownBy(() -> aBetIn(BetStatus.MATCHING).build().expire(true))
                .isInstanceOf(IllegalBetTransitionException.class);
    }

    @Test
    void settlement_moves_a_matched_bet_through_settling_and_high_gas_wait() {
        Bet settling = aMatchedBet().build().startSettling().bet();
        Bet waiting = settling.holdForGas().bet();
        Bet settlingAgain = waiting.startSettling().bet();

        assertThat(settling.status()).isEqualTo(BetStatus.SETTLING);
        assertThat(waiting.status()).isEqualTo(BetStatus.HIGH_GAS_WAIT);
        assertThat(settlingAgain.status()).isEqualTo(BetStatus.SETTLING);
    }

    @Test
    void a_bet_the_creator_won_is_won_and_records_the_winner() {
        Transition decided = aMatchedBet().build().startSettling().bet().settle(CREATOR, ACCEPTOR, usd(1_950), usd(50));

        assertThat(decided.bet().status()).isEqualTo(BetStatus.WON);
        assertThat(decided.bet().winnerId()).isEqualTo(CREATOR);
    }

    @Test
    void a_bet_the_acceptor_won_is_lost_from_the_creators_view() {
        Transition decided = aMatchedBet().build().startSettling().bet().settle(ACCEPTOR, CREATOR, usd(1_950), usd(50));

        assertThat(decided.bet().status()).isEqualTo(BetStatus.LOST);
        assertThat(decided.bet().winnerId()).isEqualTo(ACCEPTOR);
        assertThat(decided.events()).singleElement().isEqualTo(new BetEvent.Decided(decided.bet().betId(), false,
                ACCEPTOR, CREATOR, usd(1_950), usd(50)));
    }

    @Test
    void a_decided_bet_is_not_decided_again() {
        Bet won = aMatchedBet().build().settle(CREATOR, ACCEPTOR, usd(1_950), usd(50)).bet();

        assertThatThrownBy(() -> won.settle(ACCEPTOR, CREATOR, usd(1_950), usd(50)))
                .isInstanceOf(IllegalBetTransitionException.class);
    }

    @Test
    void a_withdrawn_offer_is_refunded_with_the_creators_refund() {
        Transition refunded = anOpenBet().build().withdraw(CREATOR).bet()
                .refundStake(CREATOR, usd(970), RefundReason.WITHDRAWN);

        assertThat(refunded.bet().status()).isEqualTo(BetStatus.REFUNDED);
        assertThat(refunded.events()).singleElement().isEqualTo(new BetEvent.Refunded(refunded.bet().betId(),
                RefundReason.WITHDRAWN, usd(970), null));
    }

    @Test
    void a_matched_bet_is_refunded_only_when_both_stakes_are_back() {
        Transition first = aMatchedBet().build().refundStake(ACCEPTOR, usd(980), RefundReason.PUSH);
        Transition second = first.bet().refundStake(CREATOR, usd(975), RefundReason.PUSH);

        assertThat(first.bet().status()).isEqualTo(BetStatus.MATCHED);
        assertThat(first.events()).isEmpty();
        assertThat(second.bet().status()).isEqualTo(BetStatus.REFUNDED);
        assertThat(second.events()).singleElement().isEqualTo(new BetEvent.Refunded(second.bet().betId(),
                RefundReason.PUSH, usd(975), usd(980)));
    }

    @Test
    void the_same_stake_is_not_refunded_twice() {
        Bet halfRefunded = aMatchedBet().build().refundStake(ACCEPTOR, usd(980), RefundReason.PUSH).bet();

        assertThatThrownBy(() -> halfRefunded.refundStake(ACCEPTOR, usd(980), RefundReason.PUSH))
                .isInstanceOf(IllegalBetTransitionException.class);
    }
}
