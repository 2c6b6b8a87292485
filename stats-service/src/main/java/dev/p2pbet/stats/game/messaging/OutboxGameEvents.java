package dev.p2pbet.stats.game.messaging;

import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameFinalized;
import dev.p2pbet.schemas.game.GameScheduled;
import dev.p2pbet.schemas.game.GameStarted;
import dev.p2pbet.schemas.game.PlayerStatLine;
import dev.p2pbet.schemas.game.RosterPlayer;
import dev.p2pbet.schemas.game.TeamSide;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.stats.game.domain.Game;
import dev.p2pbet.stats.game.domain.GameChange;
import dev.p2pbet.stats.game.domain.GameEvents;
import dev.p2pbet.stats.game.domain.StatLine;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Publishes game changes on game.events (key: game id) through the outbox, in the caller's transaction. */
@Component
public class OutboxGameEvents implements GameEvents {

    private final Outbox outbox;

    public OutboxGameEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(GameChange change) {
        Game game = change.game();
        GameEvent event = GameEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(change.at())
                .setGameId(game.gameId())
                .setPayload(payload(change))
                .build();
        outbox.append(Topics.GAME_EVENTS, game.gameId(), event);
    }

    static Object payload(GameChange change) {
        Game game = change.game();
        return switch (change) {
            case GameChange.Scheduled scheduled -> GameScheduled.newBuilder()
                    .setGameId(game.gameId())
                    .setHomeTeam(game.homeTeam())
                    .setAwayTeam(game.awayTeam())
                    .setStartsAt(game.startsAt())
                    .setRoster(game.roster().stream().map(player -> RosterPlayer.newBuilder()
                            .setPlayerId(player.playerId())
                            .setName(player.name())
                            .setTeam(TeamSide.valueOf(player.team().name()))
                            .build()).toList())
                    .build();
            case GameChange.Started started -> GameStarted.newBuilder()
                    .setGameId(game.gameId())
                    .setStartedAt(game.startedAt().orElse(started.at()))
                    .build();
            case GameChange.Finalized finalized -> GameFinalized.newBuilder()
                    .setGameId(game.gameId())
                    .setHomeScore(game.result().orElseThrow().homeScore())
                    .setAwayScore(game.result().orElseThrow().awayScore())
                    .setStatLines(game.result().orElseThrow().statLines().stream().map(OutboxGameEvents::line).toList())
                    .setFinalizedAt(game.finalizedAt().orElse(finalized.at()))
                    .build();
            case GameChange.Cancelled cancelled -> GameCancelled.newBuilder()
                    .setGameId(game.gameId())
                    .setReason(game.cancelReason().orElse("cancelled"))
                    .build();
        };
    }

    private static PlayerStatLine line(StatLine line) {
        return PlayerStatLine.newBuilder()
                .setPlayerId(line.playerId())
                .setPlayed(line.played())
                .setPoints(line.points())
                .setRebounds(line.rebounds())
                .setAssists(line.assists())
                .setSteals(line.steals())
                .setBlocks(line.blocks())
                .setTurnovers(line.turnovers())
                .setThreesMade(line.threesMade())
                .build();
    }
}
