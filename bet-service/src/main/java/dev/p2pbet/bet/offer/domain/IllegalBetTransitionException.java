package dev.p2pbet.bet.offer.domain;

/** A status change the life cycle does not allow, e.g. accepting a bet that is already matching. */
public class IllegalBetTransitionException extends RuntimeException {

    private final BetStatus from;
    private final String transition;

    public IllegalBetTransitionException(String betId, BetStatus from, String transition) {
        super("Bet " + betId + " is " + from.code() + " and cannot " + transition + ".");
        this.from = from;
        this.transition = transition;
    }

    public BetStatus from() {
        return from;
    }

    public String transition() {
        return transition;
    }
}
