package dev.p2pbet.bet.offer.domain;

/** An offer or an acceptance that breaks a betting rule: nothing is changed. */
public class BetRuleViolation extends RuntimeException {

    private final String reason;

    public BetRuleViolation(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A stable code clients can act on, e.g. {@code STAKE_TOO_LOW}. */
    public String reason() {
        return reason;
    }
}
