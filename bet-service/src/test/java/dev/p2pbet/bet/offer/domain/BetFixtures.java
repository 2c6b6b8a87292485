package dev.p2pbet.bet.offer.domain;

import dev.p2pbet.bet.game.domain.Game;
import dev.p2pbet.bet.game.domain.GameStatus;
import dev.p2pbet.plumbing.money.Money;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Bets, games and rules in any state, for tests that read as sentences. */
public final class BetFixtures {

    public static final String CREATOR = "alice";
    public static final String ACCEPTOR = "bob";
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    public static final BetRules RULES = new BetRules(usd(100), usd(100_000), 5, 4_000, 1_000);

    private BetFixtures() {
    }

    public static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    public static Game aScheduledGame() {
        return aGame(GameStatus.SCHEDULED);
    }

    public static Game aGame(GameStatus status) {
        return new Game("g-1", status, "Lakers", "Celtics", NOW.plusSeconds(3_600), Set.of("lebron", "tatum"));
    }

    public static BetBuilder anOpenBet() {
        return new BetBuilder(BetStatus.OPEN);
    }

    public static BetBuilder aPendingBet() {
        return new BetBuilder(BetStatus.ESCROW_PENDING);
    }

    public static BetBuilder aMatchingBet() {
        return new BetBuilder(BetStatus.MATCHING).withPendingAcceptor(ACCEPTOR, 1);
    }

    public static BetBuilder aMatchedBet() {
        return new BetBuilder(BetStatus.MATCHED).withAcceptor(ACCEPTOR, 1);
    }

    public static BetBuilder aBetIn(BetStatus status) {
        return new BetBuilder(status);
    }

    public static final class BetBuilder {
        private final Bet.Builder builder = new Bet.Builder();

        private BetBuilder(BetStatus status) {
            builder.betId = UUID.randomUUID().toString();
            builder.gameId = "g-1";
            builder.creatorId = CREATOR;
            builder.selection = Selection.gameWinner(SelectionSide.HOME);
            builder.stake = usd(1_000);
            builder.status = status;
            builder.createdAt = NOW;
        }

        public BetBuilder withStake(long minor) {
            builder.stake = usd(minor);
            return this;
        }

        public BetBuilder withPendingAcceptor(String userId, int attempt) {
            builder.pendingAcceptorId = userId;
            builder.acceptAttempts = attempt;
            return this;
        }

        public BetBuilder withAcceptor(String userId, int attempts) {
            builder.acceptorId = userId;
            builder.acceptAttempts = attempts;
            return this;
        }

        public BetBuilder withAcceptAttempts(int attempts) {
            builder.acceptAttempts = attempts;
            return this;
        }

        public Bet build() {
            return builder.build();
        }
    }
}
