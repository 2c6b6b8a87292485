package dev.p2pbet.stats;

import dev.p2pbet.plumbing.testing.ServiceFoundationContract;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

@StatsIntegrationTest
class StatsFoundationIT extends ServiceFoundationContract {

    @Override
    protected List<String> ownTables() {
        return List.of("games", "game_players", "game_player_stats", "user_bet_stats", "user_bet_results");
    }

    @Override
    protected String ownTopic() {
        return Topics.GAME_EVENTS;
    }

    @Override
    protected SpecificRecord ownEvent(String key) {
        return GameEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setGameId(key)
                .setPayload(GameCancelled.newBuilder().setGameId(key).setReason("postponed").build())
                .build();
    }
}
