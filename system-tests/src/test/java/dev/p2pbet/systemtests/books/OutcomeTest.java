package dev.p2pbet.systemtests.books;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.systemtests.clients.GameResult;
import dev.p2pbet.systemtests.clients.GameResult.StatLine;
import dev.p2pbet.systemtests.clients.Selection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final GameResult RESULT = new GameResult(101, 99, Map.of(
            "h1", new StatLine("h1", true, 30, 12, 4, 1, 0, 2, 3),
            "a1", new StatLine("a1", false, 0, 0, 0, 0, 0, 0, 0)));

    @Test
    void the_creator_holds_the_selection_and_the_acceptor_the_other_side() {
        assertThat(Outcome.of(Selection.gameWinner("HOME"), RESULT)).isEqualTo(Outcome.CREATOR_WINS);
        assertThat(Outcome.of(Selection.gameWinner("AWAY"), RESULT)).isEqualTo(Outcome.ACCEPTOR_WINS);
        assertThat(Outcome.of(Selection.totalPoints("OVER", 1995), RESULT)).isEqualTo(Outcome.CREATOR_WINS);
        assertThat(Outcome.of(Selection.totalPoints("UNDER", 1995), RESULT)).isEqualTo(Outcome.ACCEPTOR_WINS);
        assertThat(Outcome.of(Selection.playerStat("h1", "REBOUNDS", "UNDER", 115), RESULT))
                .isEqualTo(Outcome.ACCEPTOR_WINS);
    }

    @Test
    void a_result_on_the_line_or_a_drawn_game_is_a_push() {
        assertThat(Outcome.of(Selection.totalPoints("OVER", 2000), RESULT)).isEqualTo(Outcome.PUSH);
        assertThat(Outcome.of(Selection.playerStat("h1", "POINTS", "UNDER", 300), RESULT)).isEqualTo(Outcome.PUSH);
        GameResult draw = new GameResult(100, 100, Map.of());
        assertThat(Outcome.of(Selection.gameWinner("HOME"), draw)).isEqualTo(Outcome.PUSH);
    }

    @Test
    void a_player_who_did_not_play_makes_the_bet_void() {
        assertThat(Outcome.of(Selection.playerStat("a1", "POINTS", "OVER", 5), RESULT)).isEqualTo(Outcome.VOID);
    }
}
