package dev.p2pbet.bet.game;

import static dev.p2pbet.bet.OtherServices.gameScheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.bet.BetIT;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameScheduled;
import dev.p2pbet.schemas.game.RosterPlayer;
import dev.p2pbet.schemas.game.TeamSide;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GameProjectionIT extends BetIT {

    @Test
    void a_scheduled_game_is_projected_with_its_roster() {
        String game = aScheduledGame();

        assertThat(players(game)).containsExactlyInAnyOrder("p-home-1", "p-away-1");
        assertThat(jdbc.sql("SELECT home_team FROM games WHERE game_id = ?").param(game).query(String.class).single())
                .isEqualTo("Lakers");
    }

    @Test
    void a_new_schedule_replaces_the_roster() {
        String game = aScheduledGame();
        GameEvent rescheduled = withRoster(gameScheduled(game), "p-new");

        publish(rescheduled);

        await().atMost(WAIT).until(() -> players(game).equals(List.of("p-new")));
    }

    @Test
    void a_late_schedule_does_not_reopen_a_started_game() {
        String game = aScheduledGame();
        startGame(game);
        GameEvent late = gameScheduled(game);

        publish(late);
        awaitConsumed(late.getEventId());

        assertThat(gameStatus(game)).isEqualTo("live");
    }

    @Test
    void a_finalized_or_cancelled_game_leaves_the_schedule() {
        String game = aScheduledGame();

        publish(dev.p2pbet.bet.OtherServices.gameCancelled(game));

        await().atMost(WAIT).until(() -> gameStatus(game).equals("cancelled"));
    }

    private List<String> players(String game) {
        return jdbc.sql("SELECT player_id FROM game_players WHERE game_id = ? ORDER BY player_id").param(game)
                .query(String.class).list();
    }

    private static GameEvent withRoster(GameEvent event, String playerId) {
        GameScheduled scheduled = (GameScheduled) event.getPayload();
        List<RosterPlayer> roster = new ArrayList<>();
        roster.add(RosterPlayer.newBuilder().setPlayerId(playerId).setName("New").setTeam(TeamSide.HOME).build());
        return GameEvent.newBuilder(event).setEventId(UUID.randomUUID())
                .setPayload(GameScheduled.newBuilder(scheduled).setRoster(roster).build()).build();
    }
}
