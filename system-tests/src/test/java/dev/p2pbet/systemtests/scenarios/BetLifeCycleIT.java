package dev.p2pbet.systemtests.scenarios;

import static dev.p2pbet.systemtests.clients.Games.ResultSheet.aResult;
import static dev.p2pbet.systemtests.support.BetScenarios.SETTLEMENT;
import static dev.p2pbet.systemtests.support.BetScenarios.inAnHour;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.systemtests.books.MoneyBook;
import dev.p2pbet.systemtests.books.RecordedTransfers;
import dev.p2pbet.systemtests.clients.Bet;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.BetScenarios;
import dev.p2pbet.systemtests.support.Locks;
import dev.p2pbet.systemtests.support.Platform;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A bet's whole life through the public API, for each kind of selection: offered, open once the stake is in
 * escrow, accepted, matched, decided by the game's result, and the winner paid two stakes minus the fee.
 */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ)
class BetLifeCycleIT {

    private static final long FUNDS = 100_000;
    private static final long STAKE = 1_000;

    private static Platform platform;
    private static BetScenarios scenarios;

    @BeforeAll
    static void platform() {
        platform = Platform.shared();
        scenarios = new BetScenarios(platform);
    }

    @Test
    void game_winner_bet_is_won_by_the_creator_who_gets_both_stakes_minus_the_fee() {
        User alice = platform.users().signUp("alice", FUNDS);
        User bob = platform.users().signUp("bob", FUNDS);
        Game game = platform.games().schedule("winner", inAnHour());
        Bet bet = scenarios.aMatchedBet(alice, bob, game, Selection.gameWinner("HOME"), STAKE);

        platform.games().postResult(game, aResult()
                .player(game.homePlayer(0), 60, 8, 5).player(game.homePlayer(1), 41, 4, 2)
                .player(game.awayPlayer(0), 99, 10, 7));

        Bet won = platform.bets().awaitStatus(bet.betId(), SETTLEMENT, "won");
        assertThat(won.winnerId()).isEqualTo(alice.id());
        assertPaid(won, alice, bob);
    }

    @Test
    void total_points_bet_is_lost_by_the_creator_and_the_acceptor_is_paid() {
        User carol = platform.users().signUp("carol", FUNDS);
        User dave = platform.users().signUp("dave", FUNDS);
        Game game = platform.games().schedule("total", inAnHour());
        Bet bet = scenarios.aMatchedBet(carol, dave, game, Selection.totalPoints("OVER", 2005), STAKE);

        platform.games().postResult(game, aResult()   // 95 + 100 = 195 points, under 200.5
                .player(game.homePlayer(0), 50, 3, 3).player(game.homePlayer(1), 45, 2, 1)
                .player(game.awayPlayer(0), 70, 9, 4).player(game.awayPlayer(2), 30, 1, 0));

        Bet lost = platform.bets().awaitStatus(bet.betId(), SETTLEMENT, "lost");
        assertThat(lost.winnerId()).isEqualTo(dave.id());
        assertPaid(lost, dave, carol);
    }

    @Test
    void player_stat_bet_is_won_by_the_creator_when_the_player_beats_the_line() {
        User erin = platform.users().signUp("erin", FUNDS);
        User frank = platform.users().signUp("frank", FUNDS);
        Game game = platform.games().schedule("player", inAnHour());
        String center = game.awayPlayer(1);
        Bet bet = scenarios.aMatchedBet(erin, frank, game, Selection.playerStat(center, "REBOUNDS", "OVER", 95), 2_345);

        platform.games().postResult(game, aResult()   // 12 rebounds, over 9.5
                .player(game.homePlayer(0), 88, 5, 5).player(center, 80, 12, 2).player(game.awayPlayer(2), 10, 1, 1));

        Bet won = platform.bets().awaitStatus(bet.betId(), SETTLEMENT, "won");
        assertThat(won.winnerId()).isEqualTo(erin.id());
        assertPaid(won, erin, frank);
    }

    /** Winner: -stake +(2*stake - fee); loser: -stake; the two transfers out of escrow say the same. */
    private static void assertPaid(Bet bet, User winner, User loser) {
        long stake = bet.stakeMinor();
        long fee = MoneyBook.fee(stake, MoneyBook.DEFAULT_FEE_BPS);
        assertThat(scenarios.balanceOf(winner)).as("the winner's wallet").isEqualTo(FUNDS - stake + 2 * stake - fee);
        assertThat(scenarios.balanceOf(loser)).as("the loser's wallet").isEqualTo(FUNDS - stake);
        RecordedTransfers recorded = RecordedTransfers.of(platform.topics(), List.of(bet.betId()));
        String id = bet.betId();
        assertThat(recorded.confirmed(TransferIds.payout(id)).getAmount().getAmountMinor()).isEqualTo(2 * stake - fee);
        assertThat(recorded.confirmed(TransferIds.fee(id)).getAmount().getAmountMinor()).isEqualTo(fee);
        assertThat(recorded.commanded(id)).as("transfers commanded for the bet").containsExactlyInAnyOrder(
                TransferIds.escrowCreator(id), TransferIds.escrowAcceptor(id, 1), TransferIds.payout(id),
                TransferIds.fee(id));
    }
}
