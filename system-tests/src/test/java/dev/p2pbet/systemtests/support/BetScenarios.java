package dev.p2pbet.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.systemtests.clients.Bet;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import java.time.Duration;
import java.time.Instant;

/** Steps many scenarios share: an offer taken to open, a bet taken to matched, through the public API. */
public final class BetScenarios {

    /** Escrow-in: the provider confirms in a tenth of a second; the rest is the platform's own hops. */
    public static final Duration ESCROW = Duration.ofSeconds(45);
    /** From a game's result (or cancellation) to every transfer out of escrow confirmed. */
    public static final Duration SETTLEMENT = Duration.ofSeconds(90);

    private final Platform platform;

    public BetScenarios(Platform platform) {
        this.platform = platform;
    }

    /** Far enough ahead that no game starts during a scenario unless it means to. */
    public static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    public Bet anOpenOffer(User creator, Game game, Selection selection, long stake) {
        Bet offered = platform.bets().offered(creator, game.gameId(), selection, stake);
        assertThat(offered.status()).as("a new offer waits for its escrow").isEqualTo("escrow_pending");
        return platform.bets().awaitStatus(offered.betId(), ESCROW, "open");
    }

    public Bet aMatchedBet(User creator, User acceptor, Game game, Selection selection, long stake) {
        Bet open = anOpenOffer(creator, game, selection, stake);
        Bet accepting = platform.bets().accept(acceptor, open.betId()).expect(202, acceptor + " accepts").as(Bet.class);
        assertThat(accepting.status()).as("an accepted offer waits for the acceptor's escrow").isEqualTo("matching");
        Bet matched = platform.bets().awaitStatus(open.betId(), ESCROW, "matched");
        assertThat(matched.acceptorId()).isEqualTo(acceptor.id());
        return matched;
    }

    public long balanceOf(User user) {
        return platform.sandbox().balanceOf(user.wallet());
    }
}
