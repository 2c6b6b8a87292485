package dev.p2pbet.stats.game.domain;

import static dev.p2pbet.stats.game.domain.GameFixtures.aLiveGame;
import static dev.p2pbet.stats.game.domain.GameFixtures.aResult;
import static dev.p2pbet.stats.game.domain.GameFixtures.replacing;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ResultRulesTest {

    @Test
    void accepts_a_result_whose_lines_add_up_to_the_scores() {
        assertThatCode(() -> finish(aResult(112, 87))).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_score_that_is_not_the_sum_of_the_players_points() {
        GameResult result = new GameResult(100, 95, aResult(99, 95).statLines());

        refuses(result, "SCORE_MISMATCH");
    }

    @Test
    void refuses_a_negative_statistic() {
        refuses(replacing(aResult(100, 95), new StatLine("a2", true, 0, -1, 0, 0, 0, 0, 0)), "NEGATIVE_STAT");
    }

    @Test
    void refuses_a_negative_score() {
        refuses(new GameResult(-1, 95, aResult(100, 95).statLines()), "NEGATIVE_SCORE");
    }

    @Test
    void refuses_a_line_for_a_player_not_on_the_roster() {
        List<StatLine> lines = new ArrayList<>(aResult(100, 95).statLines());
        lines.add(new StatLine("stranger", true, 0, 1, 0, 0, 0, 0, 0));

        refuses(new GameResult(100, 95, lines), "UNKNOWN_PLAYER");
    }

    @Test
    void refuses_a_result_that_leaves_out_a_rostered_player() {
        List<StatLine> lines = aResult(100, 95).statLines().stream().filter(line -> !line.playerId().equals("h5")).toList();

        refuses(new GameResult(100, 95, lines), "MISSING_STAT_LINE");
    }

    @Test
    void refuses_two_lines_for_one_player() {
        List<StatLine> lines = new ArrayList<>(aResult(100, 95).statLines());
        lines.add(StatLine.didNotPlay("h5"));

        refuses(new GameResult(100, 95, lines), "DUPLICATE_STAT_LINE");
    }

    @Test
    void refuses_statistics_for_a_player_who_did_not_play() {
        refuses(replacing(aResult(100, 95), new StatLine("h5", false, 0, 1, 0, 0, 0, 0, 0)), "INCONSISTENT_STAT_LINE");
    }

    @Test
    void refuses_more_threes_than_points() {
        GameResult base = aResult(100, 95);
        refuses(replacing(base, new StatLine("h1", true, 100, 7, 5, 1, 0, 2, 34)), "INCONSISTENT_STAT_LINE");
    }

    private static void finish(GameResult result) {
        aLiveGame().finish(result, ResultSource.posted(), Instant.parse("2026-11-25T22:00:00Z"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refuses(GameResult result, String reason) {
        return assertThatThrownBy(() -> finish(result))
                .isInstanceOf(GameRuleViolation.class)
                .hasFieldOrPropertyWithValue("reason", reason);
    }
}
