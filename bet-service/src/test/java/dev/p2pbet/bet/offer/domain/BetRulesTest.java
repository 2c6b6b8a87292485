package dev.p2pbet.bet.offer.domain;

import static dev.p2pbet.bet.offer.domain.BetFixtures.RULES;
import static dev.p2pbet.bet.offer.domain.BetFixtures.aScheduledGame;
import static dev.p2pbet.bet.offer.domain.BetFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pbet.plumbing.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BetRulesTest {

    private static final Selection HOME = Selection.gameWinner(SelectionSide.HOME);

    @Test
    void accepts_a_stake_within_the_limits() {
        assertThatCode(() -> RULES.checkOffer(aScheduledGame(), HOME, usd(100), 0)).doesNotThrowAnyException();
        assertThatCode(() -> RULES.checkOffer(aScheduledGame(), HOME, usd(100_000), 4)).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_stake_below_the_minimum() {
        assertRefused(() -> RULES.checkOffer(aScheduledGame(), HOME, usd(99), 0), "STAKE_TOO_LOW");
    }

    @Test
    void refuses_a_stake_above_the_maximum() {
        assertRefused(() -> RULES.checkOffer(aScheduledGame(), HOME, usd(100_001), 0), "STAKE_TOO_HIGH");
    }

    @Test
    void refuses_a_stake_in_another_currency() {
        assertRefused(() -> RULES.checkOffer(aScheduledGame(), HOME, Money.of(500, "EUR"), 0), "WRONG_CURRENCY");
    }

    @Test
    void refuses_an_offer_over_the_limit_of_offers_in_flight() {
        assertRefused(() -> RULES.checkOffer(aScheduledGame(), HOME, usd(500), 5), "TOO_MANY_OPEN_OFFERS");
    }

    @Test
    void refuses_a_player_who_is_not_on_the_roster() {
        assertRefused(() -> RULES.checkOffer(aScheduledGame(),
                Selection.playerStat("jordan", PlayerStat.POINTS, SelectionSide.OVER, 255), usd(500), 0), "UNKNOWN_PLAYER");
    }

    @Test
    void accepts_a_rostered_player_on_a_half_point_line() {
        assertThatCode(() -> RULES.checkOffer(aScheduledGame(),
                Selection.playerStat("lebron", PlayerStat.REBOUNDS, SelectionSide.UNDER, 85), usd(500), 0))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, 2153, 4_005})
    void refuses_a_total_points_line_that_makes_no_sense(long lineTenths) {
        assertRefused(() -> RULES.checkOffer(aScheduledGame(), Selection.totalPoints(SelectionSide.OVER, lineTenths),
                usd(500), 0), "INVALID_LINE");
    }

    @Test
    void refuses_a_player_line_above_the_maximum() {
        assertRefused(() -> RULES.checkOffer(aScheduledGame(),
                Selection.playerStat("lebron", PlayerStat.POINTS, SelectionSide.OVER, 1_005), usd(500), 0), "INVALID_LINE");
    }

    @Test
    void stake_limits_must_make_sense() {
        assertThatThrownBy(() -> new BetRules(usd(500), usd(100), 5, 4_000, 1_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RULES.currency()).isEqualTo("USD");
    }

    private static void assertRefused(Runnable check, String reason) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(BetRuleViolation.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
