package dev.p2pbet.bet.offer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void a_game_winner_is_home_or_away_without_a_line() {
        assertThat(Selection.gameWinner(SelectionSide.HOME).side().opposite()).isEqualTo(SelectionSide.AWAY);
        assertRefused(() -> Selection.gameWinner(SelectionSide.OVER), "INVALID_SELECTION");
        assertRefused(() -> new Selection(SelectionType.GAME_WINNER, SelectionSide.HOME, 2155L, null, null),
                "INVALID_SELECTION");
    }

    @Test
    void total_points_are_over_or_under_a_line() {
        assertThat(Selection.totalPoints(SelectionSide.UNDER, 2155).lineTenths()).isEqualTo(2155);
        assertRefused(() -> Selection.totalPoints(SelectionSide.HOME, 2155), "INVALID_SELECTION");
        assertRefused(() -> new Selection(SelectionType.TOTAL_POINTS, SelectionSide.OVER, null, null, null),
                "INVALID_LINE");
    }

    @Test
    void a_player_stat_names_a_player_and_a_stat() {
        assertRefused(() -> new Selection(SelectionType.PLAYER_STAT, SelectionSide.OVER, 255L, null, PlayerStat.POINTS),
                "INVALID_SELECTION");
        assertRefused(() -> new Selection(SelectionType.PLAYER_STAT, SelectionSide.OVER, 255L, "lebron", null),
                "INVALID_SELECTION");
    }

    @Test
    void a_selection_needs_a_type_and_a_side() {
        assertRefused(() -> new Selection(null, SelectionSide.OVER, null, null, null), "INVALID_SELECTION");
    }

    private static void assertRefused(Runnable selection, String reason) {
        assertThatThrownBy(selection::run).isInstanceOfSatisfying(BetRuleViolation.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
