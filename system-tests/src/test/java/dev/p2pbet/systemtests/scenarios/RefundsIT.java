package dev.p2pbet.systemtests.scenarios;

import static dev.p2pbet.systemtests.clients.Games.ResultSheet.aResult;
import static dev.p2pbet.systemtests.support.BetScenarios.SETTLEMENT;
import static dev.p2pbet.systemtests.support.BetScenarios.inAnHour;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.systemtests.books.MoneyBook;
import dev.p2pbet.systemtests.books.RecordedTransfers;
import dev.p2pbet.systemtests.books.RecordedTransfers.Leg;
import dev.p2pbet.systemtests.clients.Bet;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.BetScenarios;
import dev.p2pbet.systemtests.support.Locks;
import dev.p2pbet.systemtests.support.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every way a stake comes back (DESIGN.md §3): {@code max(0, stake - gas_in - gas_out)} to its owner, where gas_in
 * is the gas recorded on the stake's escrow-in and gas_out the quote fixed when the refund was commanded; the
 * platform recovers the rest.
 */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ)
class RefundsIT {

    private static final long FUNDS = 50_000;

    private static Platform platform;
    private static BetScenarios scenarios;

    @BeforeAll
    static void platform() {
        platform = Platform.shared();
        scenarios = new BetScenarios(platform);
    }

    @Test
    void withdrawn_offer_refunds_the_stake_minus_both_gases() {
        User gina = platform.users().signUp("gina", FUNDS);
        Game game = platform.games().schedule("withdraw", inAnHour());
        Bet open = scenarios.anOpenOffer(gina, game, Selection.gameWinner("AWAY"), 1_500);

        Bet withdrawn = platform.bets().withdraw(gina, open.betId()).expect(202, "gina withdraws").as(Bet.class);
        assertThat(withdrawn.status()).isEqualTo("withdrawn");

        Bet refunded = platform.bets().awaitStatus(open.betId(), SETTLEMENT, "refunded");
        assertRefunded(refunded, gina, Leg.CREATOR);
    }

    @Test
    void offer_still_open_when_its_game_starts_is_refunded_minus_both_gases() {
        User hank = platform.users().signUp("hank", FUNDS);
        Game game = platform.games().schedule("starts-soon", Instant.now().plusSeconds(10));
        Bet open = scenarios.anOpenOffer(hank, game, Selection.totalPoints("UNDER", 2100), 800);

        Bet refunded = platform.bets().awaitStatus(open.betId(), SETTLEMENT.plusSeconds(10), "refunded");
        assertThat(platform.games().status(game)).isEqualTo("live");
        assertRefunded(refunded, hank, Leg.CREATOR);
    }

    @Test
    void cancelled_game_refunds_both_stakes_minus_gas() {
        User ivy = platform.users().signUp("ivy", FUNDS);
        User jack = platform.users().signUp("jack", FUNDS);
        Game game = platform.games().schedule("cancelled", inAnHour());
        Bet matched = scenarios.aMatchedBet(ivy, jack, game, Selection.gameWinner("HOME"), 2_000);

        platform.games().cancel(game, "arena flooded");

        Bet refunded = platform.bets().awaitStatus(matched.betId(), SETTLEMENT, "refunded");
        assertRefunded(refunded, ivy, Leg.CREATOR);
        assertRefunded(refunded, jack, Leg.ACCEPTOR);
    }

    @Test
    void push_on_the_line_refunds_both_stakes_minus_gas() {
        User kate = platform.users().signUp("kate", FUNDS);
        User liam = platform.users().signUp("liam", FUNDS);
        Game game = platform.games().schedule("push", inAnHour());
        Bet matched = scenarios.aMatchedBet(kate, liam, game, Selection.totalPoints("OVER", 2000), 1_200);

        platform.games().postResult(game, aResult()   // 104 + 96 = 200 points, exactly the line
                .player(game.homePlayer(0), 64, 7, 3).player(game.homePlayer(2), 40, 3, 8)
                .player(game.awayPlayer(0), 96, 11, 2));

        Bet refunded = platform.bets().awaitStatus(matched.betId(), SETTLEMENT, "refunded");
        assertThat(refunded.winnerId()).isNull();
        assertRefunded(refunded, kate, Leg.CREATOR);
        assertRefunded(refunded, liam, Leg.ACCEPTOR);
    }

    @Test
    void player_bet_is_void_and_refunded_when_the_player_did_not_play() {
        User mia = platform.users().signUp("mia", FUNDS);
        User noah = platform.users().signUp("noah", FUNDS);
        Game game = platform.games().schedule("void", inAnHour());
        String benched = game.homePlayer(2);
        Bet matched = scenarios.aMatchedBet(mia, noah, game, Selection.playerStat(benched, "POINTS", "UNDER", 105),
                900);

        platform.games().postResult(game, aResult()   // the benched player has no line: did not play
                .player(game.homePlayer(0), 70, 7, 3).player(game.awayPlayer(1), 66, 11, 2));

        Bet refunded = platform.bets().awaitStatus(matched.betId(), SETTLEMENT, "refunded");
        assertRefunded(refunded, mia, Leg.CREATOR);
        assertRefunded(refunded, noah, Leg.ACCEPTOR);
    }

    /**
     * The user got exactly {@code stake - gas_in - gas_out} back (their wallet, the bet's API view and the
     * confirmed transfer agree), and the platform recovered the rest.
     */
    private static void assertRefunded(Bet bet, User owner, Leg leg) {
        String id = bet.betId();
        RecordedTransfers recorded = RecordedTransfers.of(platform.topics(), List.of(id));
        long gasIn = recorded.gasIn(id, leg);
        long gasOut = recorded.gasOut(id, leg);
        long refund = MoneyBook.refundOf(bet.stakeMinor(), gasIn, gasOut);
        assertThat(gasIn).as("gas recorded on the escrow-in").isPositive();
        assertThat(gasOut).as("gas quoted for the refund").isPositive();

        assertThat(scenarios.balanceOf(owner)).as(owner + "'s wallet: funds - stake + (stake - gas_in - gas_out)")
                .isEqualTo(FUNDS - bet.stakeMinor() + refund);
        assertThat(leg == Leg.CREATOR ? bet.creatorRefundMinor() : bet.acceptorRefundMinor())
                .as("the refund the bet shows").isEqualTo(refund);
        String refundId = leg == Leg.CREATOR ? TransferIds.refundCreator(id) : TransferIds.refundAcceptor(id);
        String recoveryId = leg == Leg.CREATOR ? TransferIds.gasRecoveryCreator(id)
                : TransferIds.gasRecoveryAcceptor(id);
        assertThat(recorded.confirmed(refundId).getAmount().getAmountMinor()).isEqualTo(refund);
        assertThat(recorded.confirmed(recoveryId).getAmount().getAmountMinor()).as("gas recovered to PLATFORM_OPS")
                .isEqualTo(bet.stakeMinor() - refund);
    }
}
