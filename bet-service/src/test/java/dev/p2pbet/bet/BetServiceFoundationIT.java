package dev.p2pbet.bet;

import dev.p2pbet.plumbing.testing.ServiceFoundationContract;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.BetOpened;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

@BetIntegrationTest
class BetServiceFoundationIT extends ServiceFoundationContract {

    @Override
    protected List<String> ownTables() {
        return List.of("bets", "games", "game_players");
    }

    @Override
    protected String ownTopic() {
        return Topics.BET_EVENTS;
    }

    @Override
    protected SpecificRecord ownEvent(String key) {
        return BetEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setBetId(key)
                .setPayload(BetOpened.newBuilder()
                        .setBetId(key)
                        .setEscrowTransferId(key + ":escrow-creator")
                        .setEscrowGasUsed(usd(12))
                        .build())
                .build();
    }
}
