package dev.p2pbet.stats.game.domain;

import static dev.p2pbet.stats.game.domain.GameFixtures.NOW;
import static dev.p2pbet.stats.game.domain.GameFixtures.TIP_OFF;
import static dev.p2pbet.stats.game.domain.GameFixtures.aRoster;
import static dev.p2pbet.stats.game.domain.GameFixtures.aScheduledGame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GameSimulatorTest {

    private final GameSimulator simulator = new GameSimulator();

    @Test
    void the_same_seed_gives_the_same_result() {
        assertThat(simulator.simulate(aScheduledGame(), 42)).isEqualTo(simulator.simulate(aScheduledGame(), 42));
    }

    @Test
    void the_result_does_not_depend_on_the_order_of_the_roster() {
        Game reversed = Game.schedule("g-1", "Harbor Hawks", "Mesa Miners", TIP_OFF, aRoster().reversed(), NOW).game();

        assertThat(simulator.simulate(reversed, 7)).isEqualTo(simulator.simulate(aScheduledGame(), 7));
    }

    @Test
    void different_seeds_give_different_games() {
        Set<GameResult> results = new HashSet<>();
        LongStream.range(0, 20).forEach(seed -> results.add(simulator.simulate(aScheduledGame(), seed)));

        assertThat(results).hasSizeGreaterThan(15);
    }

    @Test
    void every_simulated_result_passes_the_result_rules() {
        for (long seed = 0; seed < 500; seed++) {
            GameResult result = simulator.simulate(aScheduledGame(), seed);
            assertThatCode(() -> aScheduledGame().finish(result, ResultSource.simulated(0), TIP_OFF))
                    .as("seed %d", seed).doesNotThrowAnyException();
        }
    }

    @Test
    void scores_are_basketball_like() {
        for (long seed = 0; seed < 500; seed++) {
            GameResult result = simulator.simulate(aScheduledGame(), seed);
            assertThat(List.of(result.homeScore(), result.awayScore())).allSatisfy(score -> assertThat(score).isBetween(85, 130));
        }
    }

    @Test
    void stat_lines_are_consistent() {
        for (long seed = 0; seed < 200; seed++) {
            for (StatLine line : simulator.simulate(aScheduledGame(), seed).statLines()) {
                assertThat(line.threesMade() * 3).isLessThanOrEqualTo(line.points());
                if (!line.played()) {
                    assertThat(line).isEqualTo(StatLine.didNotPlay(line.playerId()));
                }
            }
        }
    }

    @Test
    void the_team_totals_look_like_basketball() {
        GameResult result = simulator.simulate(aScheduledGame(), 2026);
        int rebounds = result.statLines().stream().mapToInt(StatLine::rebounds).sum();
        int assists = result.statLines().stream().mapToInt(StatLine::assists).sum();

        assertThat(rebounds).isBetween(70, 110);
        assertThat(assists).isBetween(36, 62);
    }

    @Test
    void draws_are_possible_but_rare() {
        long draws = LongStream.range(0, 1000)
                .mapToObj(seed -> simulator.simulate(aScheduledGame(), seed))
                .filter(result -> result.homeScore() == result.awayScore())
                .count();

        assertThat(draws).isBetween(1L, 60L);
    }

    @Test
    void a_team_of_one_gets_every_point() {
        List<RosterPlayer> roster = List.of(new RosterPlayer("h", "Solo", Team.HOME), new RosterPlayer("a", "Alone", Team.AWAY));
        Game game = Game.schedule("g-2", "Ones", "Twos", TIP_OFF, roster, NOW).game();

        GameResult result = simulator.simulate(game, 1);

        assertThat(result.statLines()).extracting(StatLine::played).containsOnly(true);
        assertThatCode(() -> game.finish(result, ResultSource.simulated(1), TIP_OFF)).doesNotThrowAnyException();
    }
}
