package dev.p2pbet.bet.offer.domain;

import dev.p2pbet.bet.game.domain.Game;
import dev.p2pbet.plumbing.money.Money;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A bet between a creator and, once accepted, an acceptor, with the life cycle of DESIGN.md §4.
 * Every transition is one method that returns a {@link Transition} (the new bet, the status it
 * is guarded by, the events it caused); one the life cycle does not allow throws
 * {@link IllegalBetTransitionException}, which a consumer of a duplicate or late event treats as
 * "nothing to do". The acceptor of a bet is {@code pendingAcceptorId} while their escrow-in is
 * under way ({@code matching}) and {@code acceptorId} once it is confirmed.
 */
public final class Bet {

    private static final Set<BetStatus> SETTLEABLE = EnumSet.of(BetStatus.MATCHED, BetStatus.SETTLING,
            BetStatus.HIGH_GAS_WAIT);
    private static final Set<BetStatus> HOLDABLE = EnumSet.of(BetStatus.OPEN, BetStatus.MATCHED,
            BetStatus.WITHDRAWN, BetStatus.EXPIRED, BetStatus.SETTLING);
    private static final Set<BetStatus> REFUNDABLE = EnumSet.of(BetStatus.OPEN, BetStatus.MATCHING,
            BetStatus.MATCHED, BetStatus.WITHDRAWN, BetStatus.EXPIRED, BetStatus.SETTLING, BetStatus.HIGH_GAS_WAIT);

    private final String betId;
    private final String gameId;
    private final String creatorId;
    private final Selection selection;
    private final Money stake;
    private final BetStatus status;
    private final String statusReason;
    private final String statusDetail;
    private final String pendingAcceptorId;
    private final String acceptorId;
    private final int acceptAttempts;
    private final String winnerId;
    private final Money creatorRefund;
    private final Money acceptorRefund;
    private final Instant createdAt;

    private Bet(Builder b) {
        this.betId = Objects.requireNonNull(b.betId, "betId");
        this.gameId = Objects.requireNonNull(b.gameId, "gameId");
        this.creatorId = Objects.requireNonNull(b.creatorId, "creatorId");
        this.selection = Objects.requireNonNull(b.selection, "selection");
        this.stake = Objects.requireNonNull(b.stake, "stake");
        this.status = Objects.requireNonNull(b.status, "status");
        this.statusReason = b.statusReason;
        this.statusDetail = b.statusDetail;
        this.pendingAcceptorId = b.pendingAcceptorId;
        this.acceptorId = b.acceptorId;
        this.acceptAttempts = b.acceptAttempts;
        this.winnerId = b.winnerId;
        this.creatorRefund = b.creatorRefund;
        this.acceptorRefund = b.acceptorRefund;
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
    }

    /**
     * A new offer: the game must still be scheduled and the offer within the rules. The bet waits
     * in {@code escrow_pending} for the creator's stake to reach the vault.
     */
    public static Transition offer(String betId, String creatorId, Game game, Selection selection, Money stake,
                                   BetRules rules, long offersInFlight, Instant now) {
        if (!game.openForBetting()) {
            throw new GameNotOpenException(game.gameId(), game.status().code());
        }
        rules.checkOffer(game, selection, stake, offersInFlight);
        Builder builder = new Builder();
        builder.betId = betId;
        builder.gameId = game.gameId();
        builder.creatorId = creatorId;
        builder.selection = selection;
        builder.stake = stake;
        builder.status = BetStatus.ESCROW_PENDING;
        builder.createdAt = now;
        Bet bet = new Bet(builder);
        return new Transition(bet, null,
                List.of(new BetEvent.Created(betId, game.gameId(), creatorId, selection, stake, now)));
    }

    /** The creator's stake is in the vault: the offer opens, unless its game started meanwhile. */
    public Transition confirmCreatorEscrow(Money gasUsed, boolean gameStillOpen) {
        require(status == BetStatus.ESCROW_PENDING, "open");
        BetEvent.Opened opened = new BetEvent.Opened(betId, gasUsed);
        if (!gameStillOpen) {
            return new Transition(to(BetStatus.EXPIRED).build(), status,
                    List.of(opened, new BetEvent.Expired(betId, gameId, creatorId, false)));
        }
        return new Transition(to(BetStatus.OPEN).build(), status, List.of(opened));
    }

    /** The creator's escrow-in failed: the offer never opens; the reason is kept. */
    public Transition rejectCreatorEscrow(FailureReason reason, String message) {
        require(status == BetStatus.ESCROW_PENDING, "be rejected");
        Builder next = to(BetStatus.REJECTED);
        next.statusReason = reason.name();
        next.statusDetail = message;
        return new Transition(next.build(), status, List.of(new BetEvent.Rejected(betId, reason, message)));
    }

    /**
     * A user accepts the open offer: it is matching with them as pending acceptor, and their
     * escrow-in (attempt n+1) is to be commanded. The creator cannot accept their own offer.
     */
    public Transition accept(String userId, Game game) {
        if (creatorId.equals(userId)) {
            throw new BetRuleViolation("OWN_BET", "You cannot accept your own offer.");
        }
        require(status == BetStatus.OPEN, "be accepted");
        if (!game.openForBetting()) {
            throw new GameNotOpenException(game.gameId(), game.status().code());
        }
        Builder next = to(BetStatus.MATCHING);
        next.pendingAcceptorId = userId;
        next.acceptAttempts = acceptAttempts + 1;
        return new Transition(next.build(), status,
                List.of(new BetEvent.AcceptRequested(betId, userId, next.acceptAttempts, stake)));
    }

    /** The pending acceptor's stake is in the vault: the bet is matched. */
    public Transition confirmAcceptorEscrow(int attempt, Money gasUsed) {
        require(status == BetStatus.MATCHING && attempt == acceptAttempts, "be matched by attempt " + attempt);
        Builder next = to(BetStatus.MATCHED);
        next.acceptorId = pendingAcceptorId;
        next.pendingAcceptorId = null;
        return new Transition(next.build(), status,
                List.of(new BetEvent.Matched(betId, pendingAcceptorId, attempt, gasUsed)));
    }

    /**
     * The pending acceptor's escrow-in failed: the offer is open again (and ends at once if its
     * game started meanwhile). The acceptor lost nothing.
     */
    public Transition failAcceptorEscrow(int attempt, FailureReason reason, String message, boolean gameStillOpen) {
        require(status == BetStatus.MATCHING && attempt == acceptAttempts, "fail attempt " + attempt);
        BetEvent.AcceptFailed failed = new BetEvent.AcceptFailed(betId, pendingAcceptorId, attempt, reason, message);
        Builder next = to(gameStillOpen ? BetStatus.OPEN : BetStatus.EXPIRED);
        next.pendingAcceptorId = null;
        next.statusReason = reason.name();
        next.statusDetail = message;
        return new Transition(next.build(), status, gameStillOpen ? List.of(failed)
                : List.of(failed, new BetEvent.Expired(betId, gameId, creatorId, false)));
    }

    /** The creator withdraws their open offer; settlement refunds the stake. */
    public Transition withdraw(String userId) {
        if (!creatorId.equals(userId)) {
            throw new NotYourBetException(betId);
        }
        require(status == BetStatus.OPEN, "be withdrawn");
        return new Transition(to(BetStatus.WITHDRAWN).build(), status,
                List.of(new BetEvent.Withdrawn(betId, creatorId)));
    }

    /**
     * The game started, or was cancelled, with the offer still open: it ends, settlement refunds the stake. An offer
     * being accepted (matching) is not ended here: its acceptor's escrow decides (matched, or open and then ended).
     */
    public Transition expire(boolean gameCancelled) {
        require(status == BetStatus.OPEN, "expire");
        return new Transition(to(BetStatus.EXPIRED).build(), status,
                List.of(new BetEvent.Expired(betId, gameId, creatorId, gameCancelled)));
    }

    /** Settlement commanded the payout (mirrored). */
    public Transition startSettling() {
        require(status == BetStatus.MATCHED || status == BetStatus.HIGH_GAS_WAIT, "start settling");
        return new Transition(to(BetStatus.SETTLING).build(), status, List.of(new BetEvent.SettlingStarted(betId)));
    }

    /** Settlement held a payout or refund back because of the gas (mirrored). */
    public Transition holdForGas() {
        require(HOLDABLE.contains(status), "wait for gas");
        return new Transition(to(BetStatus.HIGH_GAS_WAIT).build(), status, List.of(new BetEvent.HeldForGas(betId)));
    }

    /** The payout is confirmed: won or lost from the creator's point of view. */
    public Transition settle(String winner, String loser, Money payout, Money fee) {
        require(SETTLEABLE.contains(status), "be settled");
        if (!isParty(winner) || !isParty(loser) || winner.equals(loser)) {
            throw new IllegalArgumentException("bet " + betId + " is between " + creatorId + " and " + acceptorId
                    + ", not " + winner + " and " + loser);
        }
        boolean creatorWon = creatorId.equals(winner);
        Builder next = to(creatorWon ? BetStatus.WON : BetStatus.LOST);
        next.winnerId = winner;
        return new Transition(next.build(), status,
                List.of(new BetEvent.Decided(betId, creatorWon, winner, loser, payout, fee)));
    }

    /**
     * One user's stake went back to them. The bet is refunded once every stake it holds is:
     * the creator's, and the acceptor's if it was matched.
     */
    public Transition refundStake(String userId, Money refunded, RefundReason reason) {
        require(REFUNDABLE.contains(status), "be refunded");
        Builder next = to(status);
        if (creatorId.equals(userId) && creatorRefund == null) {
            next.creatorRefund = refunded;
        } else if (acceptorId != null && acceptorId.equals(userId) && acceptorRefund == null) {
            next.acceptorRefund = refunded;
        } else {
            throw new IllegalBetTransitionException(betId, status, "refund " + userId + " again");
        }
        boolean allBack = next.creatorRefund != null && (acceptorId == null || next.acceptorRefund != null);
        if (!allBack) {
            return new Transition(next.build(), status, List.of());
        }
        next.status = BetStatus.REFUNDED;
        next.statusReason = reason.name();
        next.statusDetail = null;
        return new Transition(next.build(), status,
                List.of(new BetEvent.Refunded(betId, reason, next.creatorRefund, next.acceptorRefund)));
    }

    private boolean isParty(String userId) {
        return userId != null && (userId.equals(creatorId) || userId.equals(acceptorId));
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalBetTransitionException(betId, status, transition);
        }
    }

    private Builder to(BetStatus next) {
        Builder builder = toBuilder();
        builder.status = next;
        return builder;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.betId = betId;
        b.gameId = gameId;
        b.creatorId = creatorId;
        b.selection = selection;
        b.stake = stake;
        b.status = status;
        b.statusReason = statusReason;
        b.statusDetail = statusDetail;
        b.pendingAcceptorId = pendingAcceptorId;
        b.acceptorId = acceptorId;
        b.acceptAttempts = acceptAttempts;
        b.winnerId = winnerId;
        b.creatorRefund = creatorRefund;
        b.acceptorRefund = acceptorRefund;
        b.createdAt = createdAt;
        return b;
    }

    /** Whether the user is the creator, the acceptor or the pending acceptor. */
    public boolean involves(String userId) {
        return creatorId.equals(userId) || userId.equals(acceptorId) || userId.equals(pendingAcceptorId);
    }

    public String betId() {
        return betId;
    }

    public String gameId() {
        return gameId;
    }

    public String creatorId() {
        return creatorId;
    }

    public Selection selection() {
        return selection;
    }

    public Money stake() {
        return stake;
    }

    public BetStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public String statusDetail() {
        return statusDetail;
    }

    public String pendingAcceptorId() {
        return pendingAcceptorId;
    }

    public String acceptorId() {
        return acceptorId;
    }

    public int acceptAttempts() {
        return acceptAttempts;
    }

    public String winnerId() {
        return winnerId;
    }

    public Money creatorRefund() {
        return creatorRefund;
    }

    public Money acceptorRefund() {
        return acceptorRefund;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Restores a stored bet (persistence) or builds one in any state (tests). */
    public static final class Builder {
        public String betId;
        public String gameId;
        public String creatorId;
        public Selection selection;
        public Money stake;
        public BetStatus status;
        public String statusReason;
        public String statusDetail;
        public String pendingAcceptorId;
        public String acceptorId;
        public int acceptAttempts;
        public String winnerId;
        public Money creatorRefund;
        public Money acceptorRefund;
        public Instant createdAt;

        public Bet build() {
            return new Bet(this);
        }
    }
}
