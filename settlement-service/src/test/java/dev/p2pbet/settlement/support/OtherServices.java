package dev.p2pbet.settlement.support;

import dev.p2pbet.schemas.bet.BetCreated;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.BetExpired;
import dev.p2pbet.schemas.bet.BetMatched;
import dev.p2pbet.schemas.bet.BetOpened;
import dev.p2pbet.schemas.bet.BetWithdrawn;
import dev.p2pbet.schemas.bet.PlayerStat;
import dev.p2pbet.schemas.bet.Selection;
import dev.p2pbet.schemas.bet.SelectionSide;
import dev.p2pbet.schemas.bet.SelectionType;
import dev.p2pbet.schemas.game.GameCancelled;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameFinalized;
import dev.p2pbet.schemas.game.PlayerStatLine;
import dev.p2pbet.schemas.wallet.TransferIds;
import java.util.List;
import java.util.UUID;

/** The events bet-service and stats-service publish, as they publish them. */
public final class OtherServices {

    private OtherServices() {
    }

    public static Selection homeWins() {
        return Selection.newBuilder().setType(SelectionType.GAME_WINNER).setSide(SelectionSide.HOME).build();
    }

    public static Selection awayWins() {
        return Selection.newBuilder().setType(SelectionType.GAME_WINNER).setSide(SelectionSide.AWAY).build();
    }

    public static Selection totalPoints(SelectionSide side, long lineTenths) {
        return Selection.newBuilder().setType(SelectionType.TOTAL_POINTS).setSide(side).setLineTenths(lineTenths).build();
    }

    public static Selection playerPoints(String playerId, SelectionSide side, long lineTenths) {
        return Selection.newBuilder().setType(SelectionType.PLAYER_STAT).setSide(side).setLineTenths(lineTenths)
                .setPlayerId(playerId).setStat(PlayerStat.POINTS).build();
    }

    public static BetEvent betCreated(String betId, String gameId, String creator, Selection selection, long stake) {
        return bet(betId, BetCreated.newBuilder().setBetId(betId).setGameId(gameId).setCreatorId(creator)
                .setSelection(selection).setStake(FakeGateway.usd(stake)).setCreatedAt(FakeGateway.now())
                .setEscrowTransferId(TransferIds.escrowCreator(betId)).build());
    }

    public static BetEvent betOpened(String betId, long gas) {
        return bet(betId, BetOpened.newBuilder().setBetId(betId).setEscrowTransferId(TransferIds.escrowCreator(betId))
                .setEscrowGasUsed(FakeGateway.usd(gas)).build());
    }

    public static BetEvent betMatched(String betId, String acceptor, long gas) {
        return bet(betId, BetMatched.newBuilder().setBetId(betId).setAcceptorId(acceptor)
                .setEscrowTransferId(TransferIds.escrowAcceptor(betId, 1)).setEscrowGasUsed(FakeGateway.usd(gas)).build());
    }

    public static BetEvent betWithdrawn(String betId, String creator) {
        return bet(betId, BetWithdrawn.newBuilder().setBetId(betId).setCreatorId(creator).build());
    }

    public static BetEvent betExpired(String betId, String gameId, String creator) {
        return bet(betId, BetExpired.newBuilder().setBetId(betId).setGameId(gameId).setCreatorId(creator).build());
    }

    /** What bet-service says of an offer still open when its game is cancelled. */
    public static BetEvent betExpiredByCancellation(String betId, String gameId, String creator) {
        return bet(betId, BetExpired.newBuilder().setBetId(betId).setGameId(gameId).setCreatorId(creator)
                .setGameCancelled(true).build());
    }

    public static GameEvent gameFinalized(String gameId, int home, int away, List<PlayerStatLine> lines) {
        return game(gameId, GameFinalized.newBuilder().setGameId(gameId).setHomeScore(home).setAwayScore(away)
                .setStatLines(lines).setFinalizedAt(FakeGateway.now()).build());
    }

    public static GameEvent gameCancelled(String gameId) {
        return game(gameId, GameCancelled.newBuilder().setGameId(gameId).setReason("rain").build());
    }

    public static PlayerStatLine points(String playerId, boolean played, int points) {
        return PlayerStatLine.newBuilder().setPlayerId(playerId).setPlayed(played).setPoints(points).setRebounds(0)
                .setAssists(0).setSteals(0).setBlocks(0).setTurnovers(0).setThreesMade(0).build();
    }

    private static BetEvent bet(String betId, Object payload) {
        return BetEvent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(FakeGateway.now()).setBetId(betId)
                .setPayload(payload).build();
    }

    private static GameEvent game(String gameId, Object payload) {
        return GameEvent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(FakeGateway.now()).setGameId(gameId)
                .setPayload(payload).build();
    }
}
