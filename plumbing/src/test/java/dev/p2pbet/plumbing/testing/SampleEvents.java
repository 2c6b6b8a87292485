package dev.p2pbet.plumbing.testing;

import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.BetOpened;
import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events for the plumbing's tests: the plumbing is generic, any schema of the catalogue will do. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static BetEvent betOpened(String betId) {
        BetOpened opened = BetOpened.newBuilder()
                .setBetId(betId)
                .setEscrowTransferId(betId + ":escrow-creator")
                .setEscrowGasUsed(Money.newBuilder().setAmountMinor(12).setCurrency("USD").build())
                .build();
        return BetEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setBetId(betId)
                .setPayload(opened)
                .build();
    }

    public static GameEvent gameCancelled(String gameId) {
        return GameEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setGameId(gameId)
                .setPayload(GameCancelled.newBuilder().setGameId(gameId).setReason("stadium closed").build())
                .build();
    }
}
