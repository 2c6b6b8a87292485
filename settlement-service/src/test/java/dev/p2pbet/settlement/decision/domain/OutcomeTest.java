package dev.p2pbet.settlement.decision.domain;

import static dev.p2pbet.settlement.decision.domain.Outcome.ACCEPTOR_WINS;
import static dev.p2pbet.settlement.decision.domain.Outcome.CREATOR_WINS;
import static dev.p2pbet.settlement.decision.domain.Outcome.PUSH;
import static dev.p2pbet.settlement.decision.domain.Outcome.VOID;
import static dev.p2pbet.settlement.decision.domain.SelectionSide.AWAY;
import static dev.p2pbet.settlement.decision.domain.SelectionSide.HOME;
import static dev.p2pbet.settlement.decision.domain.SelectionSide.OVER;
import static dev.p2pbet.settlement.decision.domain.SelectionSide.UNDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeTest {

    static final String PLAYER = "p-1";

    static GameResult score(int home, int away) {
        return GameResult.of(home, away, List.of());
    }

    static GameResult playerWith(int points, boolean played) {
        return GameResult.of(100, 90, List.of(new StatLine(PLAYER, played, points, 7, 5, 1, 2, 3, 4)));
    }

    static Stream<Arguments> game_winner_table() {
        return Stream.of(
                Arguments.of(HOME, 101, 99, CREATOR_WINS),
                Arguments.of(HOME, 99, 101, ACCEPTOR_WINS),
                Arguments.of(AWAY, 99, 101, CREATOR_WINS),
                Arguments.of(AWAY, 101, 99, ACCEPTOR_WINS),
                Arguments.of(HOME, 100, 100, PUSH),
                Arguments.of(AWAY, 100, 100, PUSH));
    }

    @ParameterizedTest(name = "{0} at {1}-{2} -> {3}")
    @MethodSource("game_winner_table")
    void decides_a_game_winner_bet_from_the_score_and_pushes_a_draw(SelectionSide side, int home, int away,
                                                                     Outcome expected) {
        assertThat(Outcome.of(Selection.gameWinner(side), score(home, away))).isEqualTo(expected);
    }

    static Stream<Arguments> total_points_table() {
        return Stream.of(
                Arguments.of(OVER, 2155L, 108, 108, CREATOR_WINS),    // 216 > 215.5
                Arguments.of(OVER, 2155L, 108, 107, ACCEPTOR_WINS),   // 215 < 215.5
                Arguments.of(UNDER, 2155L, 108, 107, CREATOR_WINS),
                Arguments.of(UNDER, 2155L, 108, 108, ACCEPTOR_WINS),
                Arguments.of(OVER, 2150L, 108, 107, PUSH),            // exactly on 215.0
                Arguments.of(UNDER, 2150L, 108, 107, PUSH),
                Arguments.of(OVER, 2150L, 108, 108, CREATOR_WINS),
                Arguments.of(UNDER, 2151L, 108, 107, CREATOR_WINS));  // 215 < 215.1
    }

    @ParameterizedTest(name = "{0} {1} at {2}-{3} -> {4}")
    @MethodSource("total_points_table")
    void decides_a_total_points_bet_against_the_line_and_pushes_exactly_on_it(SelectionSide side, long line,
                                                                             int home, int away, Outcome expected) {
        assertThat(Outcome.of(Selection.totalPoints(side, line), score(home, away))).isEqualTo(expected);
    }

    static Stream<Arguments> player_stat_table() {
        return Stream.of(
                Arguments.of(OVER, 245L, 25, CREATOR_WINS),
                Arguments.of(OVER, 255L, 25, ACCEPTOR_WINS),
                Arguments.of(UNDER, 255L, 25, CREATOR_WINS),
                Arguments.of(UNDER, 245L, 25, ACCEPTOR_WINS),
                Arguments.of(OVER, 250L, 25, PUSH),
                Arguments.of(UNDER, 250L, 25, PUSH),
                Arguments.of(UNDER, 5L, 0, CREATOR_WINS));  // played, scored nothing: a result, not void
    }

    @ParameterizedTest(name = "{0} {1} with {2} points -> {3}")
    @MethodSource("player_stat_table")
    void decides_a_player_stat_bet_from_the_players_line(SelectionSide side, long line, int points,
                                                         Outcome expected) {
        Selection selection = Selection.playerStat(PLAYER, PlayerStat.POINTS, side, line);
        assertThat(Outcome.of(selection, playerWith(points, true))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(PlayerStat.class)
    void reads_the_stat_the_selection_names(PlayerStat stat) {
        StatLine line = new StatLine(PLAYER, true, 30, 12, 9, 3, 2, 4, 6);
        long value = line.value(stat);
        GameResult result = GameResult.of(1, 0, List.of(line));

        assertThat(Outcome.of(Selection.playerStat(PLAYER, stat, OVER, value * 10 - 5), result)).isEqualTo(CREATOR_WINS);
        assertThat(Outcome.of(Selection.playerStat(PLAYER, stat, OVER, value * 10), result)).isEqualTo(PUSH);
        assertThat(Outcome.of(Selection.playerStat(PLAYER, stat, OVER, value * 10 + 5), result)).isEqualTo(ACCEPTOR_WINS);
    }

    @Test
    void voids_a_player_stat_bet_when_the_player_did_not_play() {
        Selection selection = Selection.playerStat(PLAYER, PlayerStat.POINTS, OVER, 5L);

        assertThat(Outcome.of(selection, playerWith(0, false))).isEqualTo(VOID);
    }

    @Test
    void voids_a_player_stat_bet_when_the_player_is_not_in_the_box_score() {
        Selection selection = Selection.playerStat("someone-else", PlayerStat.POINTS, UNDER, 5L);

        assertThat(Outcome.of(selection, playerWith(30, true))).isEqualTo(VOID);
    }

    @Test
    void only_wins_are_not_refunds() {
        assertThat(Stream.of(Outcome.values()).filter(o -> !o.isRefund())).containsExactly(CREATOR_WINS, ACCEPTOR_WINS);
    }

    @Test
    void refuses_a_selection_without_what_its_type_needs() {
        assertThatThrownBy(() -> new Selection(SelectionType.TOTAL_POINTS, OVER, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Selection(SelectionType.GAME_WINNER, OVER, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Selection(SelectionType.PLAYER_STAT, OVER, 10L, PLAYER, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
