package dev.p2pbet.bet.offer.domain;

import dev.p2pbet.plumbing.money.Money;
import java.time.Instant;

/**
 * What a transition of a {@link Bet} caused. Most are published on {@code bet.events} (the
 * messaging room maps them); {@link SettlingStarted} and {@link HeldForGas} mirror settlement's
 * own events and are only shown to the users.
 */
public sealed interface BetEvent {

    String betId();

    record Created(String betId, String gameId, String creatorId, Selection selection, Money stake,
                   Instant createdAt) implements BetEvent {
    }

    record Opened(String betId, Money escrowGasUsed) implements BetEvent {
    }

    record Rejected(String betId, FailureReason reason, String message) implements BetEvent {
    }

    /** The acceptor's escrow-in is to be commanded: {@code attempt} makes its transfer id. */
    record AcceptRequested(String betId, String acceptorId, int attempt, Money stake) implements BetEvent {
    }

    record Matched(String betId, String acceptorId, int attempt, Money escrowGasUsed) implements BetEvent {
    }

    record AcceptFailed(String betId, String acceptorId, int attempt, FailureReason reason, String message)
            implements BetEvent {
    }

    record Withdrawn(String betId, String creatorId) implements BetEvent {
    }

    record Expired(String betId, String gameId, String creatorId, boolean gameCancelled) implements BetEvent {
    }

    record Refunded(String betId, RefundReason reason, Money creatorRefund, Money acceptorRefund) implements BetEvent {
    }

    record Decided(String betId, boolean creatorWon, String winnerId, String loserId, Money payout, Money fee)
            implements BetEvent {
    }

    record SettlingStarted(String betId) implements BetEvent {
    }

    record HeldForGas(String betId) implements BetEvent {
    }
}
