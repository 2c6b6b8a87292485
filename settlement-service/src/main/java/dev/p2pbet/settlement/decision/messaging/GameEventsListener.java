package dev.p2pbet.settlement.decision.messaging;

import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameFinalized;
import dev.p2pbet.schemas.game.PlayerStatLine;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.settlement.decision.GameDecisions;
import dev.p2pbet.settlement.decision.domain.GameResult;
import dev.p2pbet.settlement.decision.domain.StatLine;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A game's end into decisions; scheduling and start are bet-service's business. */
@Component
class GameEventsListener {

    private final GameDecisions decisions;

    GameEventsListener(GameDecisions decisions) {
        this.decisions = decisions;
    }

    @KafkaListener(topics = Topics.GAME_EVENTS)
    void on(GameEvent event) {
        String eventId = event.getEventId().toString();
        switch (event.getPayload()) {
            case GameFinalized f -> decisions.finalized(eventId, f.getGameId(), GameResult.of(f.getHomeScore(),
                    f.getAwayScore(), f.getStatLines().stream().map(GameEventsListener::line).toList()));
            case GameCancelled c -> decisions.cancelled(eventId, c.getGameId());
            default -> {
            }
        }
    }

    private static StatLine line(PlayerStatLine l) {
        return new StatLine(l.getPlayerId(), l.getPlayed(), l.getPoints(), l.getRebounds(), l.getAssists(),
                l.getSteals(), l.getBlocks(), l.getTurnovers(), l.getThreesMade());
    }
}
