package dev.p2pbet.bet;

import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameScheduled;
import dev.p2pbet.schemas.game.GameStarted;
import dev.p2pbet.schemas.game.RosterPlayer;
import dev.p2pbet.schemas.game.TeamSide;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.PayoutCommanded;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.settlement.StakeRefunded;
import dev.p2pbet.schemas.settlement.TransferHeldForGas;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The events the other services publish, as they publish them: stats-service's games, the wallet
 * gateway's transfer outcomes, settlement-service's decisions (fee 2.5 %).
 */
public final class OtherServices {

    public static final String HOME_PLAYER = "p-home-1";
    public static final String AWAY_PLAYER = "p-away-1";

    private OtherServices() {
    }

    public static GameEvent gameScheduled(String gameId) {
        return game(gameId, GameScheduled.newBuilder()
                .setGameId(gameId).setHomeTeam("Lakers").setAwayTeam("Celtics")
                .setStartsAt(now().plus(2, ChronoUnit.HOURS))
                .setRoster(List.of(
                        RosterPlayer.newBuilder().setPlayerId(HOME_PLAYER).setName("Home One").setTeam(TeamSide.HOME).build(),
                        RosterPlayer.newBuilder().setPlayerId(AWAY_PLAYER).setName("Away One").setTeam(TeamSide.AWAY).build()))
                .build());
    }

    public static GameEvent gameStarted(String gameId) {
        return game(gameId, GameStarted.newBuilder().setGameId(gameId).setStartedAt(now()).build());
    }

    public static GameEvent gameCancelled(String gameId) {
        return game(gameId, GameCancelled.newBuilder().setGameId(gameId).setReason("rain").build());
    }

    public static TransferEvent escrowConfirmed(String betId, String transferId, String userId, long stake, long gas) {
        return transfer(transferId, TransferConfirmed.newBuilder()
                .setTransferId(transferId).setBetId(betId).setPurpose(TransferPurpose.ESCROW_IN).setUserId(userId)
                .setAmount(usd(stake)).setGasUsed(usd(gas)).setProviderReference("prov-" + UUID.randomUUID())
                .build());
    }

    public static TransferEvent escrowFailed(String betId, String transferId, String userId, long stake,
                                             TransferFailureReason reason) {
        return transfer(transferId, TransferFailed.newBuilder()
                .setTransferId(transferId).setBetId(betId).setPurpose(TransferPurpose.ESCROW_IN).setUserId(userId)
                .setAmount(usd(stake)).setReason(reason).setMessage("the provider said " + reason)
                .setRetryable(false)
                .build());
    }

    public static SettlementEvent payoutCommanded(String betId, String winner, String loser, long stake) {
        return settlement(betId, PayoutCommanded.newBuilder()
                .setBetId(betId).setGameId("g").setWinnerId(winner).setLoserId(loser)
                .setPayout(usd(2 * stake - fee(stake))).setFee(usd(fee(stake))).setAuditId("audit-" + UUID.randomUUID())
                .build());
    }

    public static SettlementEvent heldForGas(String betId, long amount) {
        return settlement(betId, TransferHeldForGas.newBuilder()
                .setBetId(betId).setTransferId(betId + ":payout").setAmount(usd(amount)).setGasQuote(usd(amount))
                .build());
    }

    public static SettlementEvent betSettled(String betId, String winner, String loser, long stake) {
        return settlement(betId, BetSettled.newBuilder()
                .setBetId(betId).setGameId("g").setWinnerId(winner).setLoserId(loser)
                .setStake(usd(stake)).setPot(usd(2 * stake)).setFee(usd(fee(stake)))
                .setPayout(usd(2 * stake - fee(stake)))
                .build());
    }

    public static SettlementEvent stakeRefunded(String betId, String userId, long stake, long gas, RefundReason reason) {
        return settlement(betId, StakeRefunded.newBuilder()
                .setBetId(betId).setGameId("g").setUserId(userId).setStake(usd(stake))
                .setRefunded(usd(stake - gas)).setGasDeducted(usd(gas)).setReason(reason)
                .build());
    }

    /** The same event under a new event id, as a producer that re-emitted it would send it. */
    public static TransferEvent reissued(TransferEvent event) {
        return TransferEvent.newBuilder(event).setEventId(UUID.randomUUID()).build();
    }

    private static long fee(long stake) {
        return Math.floorDiv(2 * stake * 250, 10_000);
    }

    private static GameEvent game(String gameId, Object payload) {
        return GameEvent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now()).setGameId(gameId)
                .setPayload(payload).build();
    }

    private static TransferEvent transfer(String transferId, Object payload) {
        return TransferEvent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now()).setTransferId(transferId)
                .setPayload(payload).build();
    }

    private static SettlementEvent settlement(String betId, Object payload) {
        return SettlementEvent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now()).setAggregateId(betId)
                .setPayload(payload).build();
    }

    static Money usd(long minor) {
        return Money.newBuilder().setAmountMinor(minor).setCurrency("USD").build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
