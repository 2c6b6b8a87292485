package dev.p2pbet.bet.game.messaging;

import dev.p2pbet.bet.game.GameProjection;
import dev.p2pbet.bet.game.domain.RosterPlayer;
import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameFinalized;
import dev.p2pbet.schemas.game.GameScheduled;
import dev.p2pbet.schemas.game.GameStarted;
import dev.p2pbet.schemas.topics.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Maps {@code game.events} onto the games projection. */
@Component
class GameEventsListener {

    private final GameProjection projection;

    GameEventsListener(GameProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = Topics.GAME_EVENTS)
    void on(GameEvent event) {
        String eventId = event.getEventId().toString();
        switch (event.getPayload()) {
            case GameScheduled s -> projection.scheduled(eventId, s.getGameId(), s.getHomeTeam(), s.getAwayTeam(),
                    s.getStartsAt(), s.getRoster().stream()
                            .map(p -> new RosterPlayer(p.getPlayerId(), p.getName(), p.getTeam().name()))
                            .toList());
            case GameStarted s -> projection.started(eventId, s.getGameId());
            case GameCancelled c -> projection.cancelled(eventId, c.getGameId());
            case GameFinalized f -> projection.finalized(eventId, f.getGameId());
            default -> {
            }
        }
    }
}
