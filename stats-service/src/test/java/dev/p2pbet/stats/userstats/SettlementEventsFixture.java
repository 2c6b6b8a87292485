package dev.p2pbet.stats.userstats;

import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Settlement events as settlement-service emits them (fee 2.5 %). */
final class SettlementEventsFixture {

    private SettlementEventsFixture() {
    }

    static String aBetId() {
        return "b-" + UUID.randomUUID();
    }

    static String aUser(String name) {
        return name + "-" + UUID.randomUUID();
    }

    static SettlementEvent betSettled(String betId, String winner, String loser, long stake) {
        return betSettled(betId, winner, loser, stake, Instant.now());
    }

    static SettlementEvent betSettled(String betId, String winner, String loser, long stake, Instant at) {
        return betSettled(betId, winner, loser, stake, at, "USD");
    }

    static SettlementEvent betSettled(String betId, String winner, String loser, long stake, Instant at,
                                      String currency) {
        long pot = 2 * stake;
        long fee = Math.floorDiv(pot * 250, 10_000);
        return envelope(betId, at, BetSettled.newBuilder()
                .setBetId(betId).setGameId("g-1").setWinnerId(winner).setLoserId(loser)
                .setStake(money(stake, currency)).setPot(money(pot, currency)).setFee(money(fee, currency))
                .setPayout(money(pot - fee, currency))
                .build());
    }

    static SettlementEvent stakeRefunded(String betId, String user, long stake, long gas) {
        return envelope(betId, Instant.now(), StakeRefunded.newBuilder()
                .setBetId(betId).setGameId("g-1").setUserId(user)
                .setStake(usd(stake)).setRefunded(usd(stake - gas)).setGasDeducted(usd(gas))
                .setReason(RefundReason.PUSH)
                .build());
    }

    /** The same event under a new event id, as a producer that re-emitted it would send it. */
    static SettlementEvent reissued(SettlementEvent event) {
        return SettlementEvent.newBuilder(event).setEventId(UUID.randomUUID()).build();
    }

    private static SettlementEvent envelope(String betId, Instant at, Object payload) {
        return SettlementEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .setAggregateId(betId)
                .setPayload(payload)
                .build();
    }

    static Money usd(long minor) {
        return money(minor, "USD");
    }

    static Money money(long minor, String currency) {
        return Money.newBuilder().setAmountMinor(minor).setCurrency(currency).build();
    }
}
