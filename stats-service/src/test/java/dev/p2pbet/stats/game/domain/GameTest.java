package dev.p2pbet.stats.game.domain;

import static dev.p2pbet.stats.game.domain.GameFixtures.NOW;
import static dev.p2pbet.stats.game.domain.GameFixtures.TIP_OFF;
import static dev.p2pbet.stats.game.domain.GameFixtures.aCancelledGame;
import static dev.p2pbet.stats.game.domain.GameFixtures.aFinalGame;
import static dev.p2pbet.stats.game.domain.GameFixtures.aLiveGame;
import static dev.p2pbet.stats.game.domain.GameFixtures.aResult;
import static dev.p2pbet.stats.game.domain.GameFixtures.aRoster;
import static dev.p2pbet.stats.game.domain.GameFixtures.aScheduledGame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GameTest {

    private static final Instant END = TIP_OFF.plusSeconds(7200);

    @Test
    void a_new_game_is_scheduled_with_its_roster() {
        GameChange.Scheduled scheduled = Game.schedule("g-1", "Hawks", "Miners", TIP_OFF, aRoster(), NOW);

        assertThat(scheduled.game().status()).isEqualTo(GameStatus.SCHEDULED);
        assertThat(scheduled.game().roster()).hasSize(10);
        assertThat(scheduled.at()).isEqualTo(NOW);
    }

    @Test
    void a_team_cannot_play_itself() {
        assertThatThrownBy(() -> Game.schedule("g-1", "Hawks", " hawks ", TIP_OFF, aRoster(), NOW))
                .isInstanceOf(GameRuleViolation.class).hasFieldOrPropertyWithValue("reason", "INVALID_TEAMS");
    }

    @Test
    void each_team_needs_a_player_on_the_roster() {
        List<RosterPlayer> homeOnly = aRoster().stream().filter(player -> player.team() == Team.HOME).toList();

        assertThatThrownBy(() -> Game.schedule("g-1", "Hawks", "Miners", TIP_OFF, homeOnly, NOW))
                .isInstanceOf(GameRuleViolation.class).hasFieldOrPropertyWithValue("reason", "INVALID_ROSTER");
    }

    @Test
    void a_player_is_listed_once() {
        List<RosterPlayer> twice = new java.util.ArrayList<>(aRoster());
        twice.add(new RosterPlayer("h1", "Impostor", Team.AWAY));

        assertThatThrownBy(() -> Game.schedule("g-1", "Hawks", "Miners", TIP_OFF, twice, NOW))
                .isInstanceOf(GameRuleViolation.class).hasFieldOrPropertyWithValue("reason", "INVALID_ROSTER");
    }

    @Test
    void a_scheduled_game_goes_live_at_tip_off() {
        GameChange.Started started = aScheduledGame().start(TIP_OFF);

        assertThat(started.game().status()).isEqualTo(GameStatus.LIVE);
        assertThat(started.game().startedAt()).contains(TIP_OFF);
    }

    @Test
    void a_live_game_does_not_start_again() {
        assertThatThrownBy(() -> aLiveGame().start(TIP_OFF))
                .isInstanceOf(IllegalGameTransitionException.class)
                .hasFieldOrPropertyWithValue("from", GameStatus.LIVE)
                .hasFieldOrPropertyWithValue("to", GameStatus.LIVE);
    }

    @Test
    void a_scheduled_or_live_game_can_be_cancelled_with_a_reason() {
        assertThat(aScheduledGame().cancel("storm", NOW).game().cancelReason()).contains("storm");
        assertThat(aLiveGame().cancel(null, NOW).game().status()).isEqualTo(GameStatus.CANCELLED);
    }

    @Test
    void a_final_game_cannot_be_cancelled() {
        assertThatThrownBy(() -> aFinalGame().cancel("too late", NOW))
                .isInstanceOf(IllegalGameTransitionException.class)
                .hasFieldOrPropertyWithValue("from", GameStatus.FINAL);
    }

    @Test
    void a_cancelled_game_stays_cancelled() {
        assertThatThrownBy(() -> aCancelledGame().start(TIP_OFF)).isInstanceOf(IllegalGameTransitionException.class);
    }

    @Test
    void a_live_game_is_finalized_with_its_result() {
        List<GameChange> changes = aLiveGame().finish(aResult(101, 99), ResultSource.posted(), END);

        assertThat(changes).singleElement().isInstanceOf(GameChange.Finalized.class);
        Game game = changes.getFirst().game();
        assertThat(game.status()).isEqualTo(GameStatus.FINAL);
        assertThat(game.result()).contains(aResult(101, 99));
        assertThat(game.finalizedAt()).contains(END);
        assertThat(game.startedAt()).contains(TIP_OFF);
    }

    @Test
    void a_scheduled_game_passes_through_live_on_its_way_to_final() {
        List<GameChange> changes = aScheduledGame().finish(aResult(101, 99), ResultSource.posted(), END);

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isInstanceOf(GameChange.Started.class);
        assertThat(changes.get(1)).isInstanceOf(GameChange.Finalized.class);
        assertThat(changes.get(1).game().startedAt()).contains(END);
    }

    @Test
    void the_same_result_again_changes_nothing() {
        assertThat(aFinalGame().finish(aResult(100, 95), ResultSource.posted(), END)).isEmpty();
    }

    @Test
    void the_same_result_listed_in_another_order_is_the_same_result() {
        GameResult reordered = new GameResult(100, 95, aResult(100, 95).statLines().reversed());

        assertThat(aFinalGame().finish(reordered, ResultSource.posted(), END)).isEmpty();
    }

    @Test
    void a_different_second_result_is_a_conflict() {
        assertThatThrownBy(() -> aFinalGame().finish(aResult(100, 96), ResultSource.posted(), END))
                .isInstanceOf(ResultConflictException.class);
    }

    @Test
    void a_cancelled_game_takes_no_result() {
        assertThatThrownBy(() -> aCancelledGame().finish(aResult(100, 95), ResultSource.posted(), END))
                .isInstanceOf(IllegalGameTransitionException.class)
                .hasFieldOrPropertyWithValue("from", GameStatus.CANCELLED);
    }

    @Test
    void the_status_machine_allows_only_its_arrows() {
        assertThat(GameStatus.SCHEDULED.canMoveTo(GameStatus.LIVE)).isTrue();
        assertThat(GameStatus.SCHEDULED.canMoveTo(GameStatus.CANCELLED)).isTrue();
        assertThat(GameStatus.LIVE.canMoveTo(GameStatus.FINAL)).isTrue();
        assertThat(GameStatus.LIVE.canMoveTo(GameStatus.CANCELLED)).isTrue();
        assertThat(GameStatus.LIVE.canMoveTo(GameStatus.SCHEDULED)).isFalse();
        assertThat(GameStatus.FINAL.canMoveTo(GameStatus.CANCELLED)).isFalse();
        assertThat(GameStatus.CANCELLED.canMoveTo(GameStatus.LIVE)).isFalse();
    }
}
