package dev.p2pbet.systemtests.scenarios;

import static dev.p2pbet.systemtests.support.BetScenarios.ESCROW;
import static dev.p2pbet.systemtests.support.BetScenarios.inAnHour;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.schemas.wallet.TransferIds;
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

/** A stake the wallet cannot cover is refused by the provider: the bet says why, and no money moves. */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ)
class InsufficientFundsIT {

    private static Platform platform;
    private static BetScenarios scenarios;

    @BeforeAll
    static void platform() {
        platform = Platform.shared();
        scenarios = new BetScenarios(platform);
    }

    @Test
    void offer_beyond_the_wallet_is_rejected_and_moves_no_money() {
        User olga = platform.users().signUp("olga", 500);
        Game game = platform.games().schedule("broke-creator", inAnHour());

        Bet offered = platform.bets().offered(olga, game.gameId(), Selection.gameWinner("HOME"), 1_000);

        Bet rejected = platform.bets().awaitStatus(offered.betId(), ESCROW, "rejected");
        assertThat(rejected.statusReason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(scenarios.balanceOf(olga)).isEqualTo(500);
        RecordedTransfers recorded = RecordedTransfers.of(platform.topics(), List.of(offered.betId()));
        assertThat(recorded.isConfirmed(TransferIds.escrowCreator(offered.betId()))).isFalse();
        assertThat(recorded.gasUsedBy(offered.betId())).as("gas spent on the bet").isZero();
    }

    @Test
    void acceptance_beyond_the_wallet_leaves_the_offer_open_and_moves_no_money() {
        User pete = platform.users().signUp("pete", 10_000);
        User quinn = platform.users().signUp("quinn", 300);
        Game game = platform.games().schedule("broke-acceptor", inAnHour());
        Bet open = scenarios.anOpenOffer(pete, game, Selection.gameWinner("AWAY"), 1_000);

        platform.bets().accept(quinn, open.betId()).expect(202, "quinn accepts");

        Bet reopened = platform.bets().awaitStatus(open.betId(), ESCROW, "open");
        assertThat(reopened.acceptorId()).isNull();
        assertThat(reopened.statusReason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(scenarios.balanceOf(quinn)).isEqualTo(300);
        assertThat(scenarios.balanceOf(pete)).as("the creator's stake stays in escrow").isEqualTo(9_000);
        RecordedTransfers recorded = RecordedTransfers.of(platform.topics(), List.of(open.betId()));
        assertThat(recorded.isConfirmed(TransferIds.escrowAcceptor(open.betId(), 1))).isFalse();

        platform.bets().withdraw(pete, open.betId()).expect(202, "pete withdraws");
        platform.bets().awaitStatus(open.betId(), BetScenarios.SETTLEMENT, "refunded");
    }
}
