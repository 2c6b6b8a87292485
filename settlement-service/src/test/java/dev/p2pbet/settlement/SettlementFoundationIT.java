package dev.p2pbet.settlement;

import dev.p2pbet.plumbing.testing.ServiceFoundationContract;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.settlement.AuditVerdict;
import dev.p2pbet.schemas.settlement.LiquidityAuditPassed;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

@SettlementIntegrationTest
class SettlementFoundationIT extends ServiceFoundationContract {

    @Override
    protected List<String> ownTables() {
        return List.of("escrowed_bets", "settlements", "settlement_transfers", "liquidity_audits", "game_results");
    }

    @Override
    protected String ownTopic() {
        return Topics.SETTLEMENT_EVENTS;
    }

    @Override
    protected SpecificRecord ownEvent(String key) {
        return SettlementEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setAggregateId(key)
                .setPayload(LiquidityAuditPassed.newBuilder()
                        .setAuditId(key)
                        .setGameId("game-1")
                        .setExpected(usd(1000))
                        .setActual(usd(1000))
                        .setDifference(usd(0))
                        .setVerdict(AuditVerdict.BALANCED)
                        .build())
                .build();
    }
}
