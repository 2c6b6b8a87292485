package dev.p2pbet.stats.game.domain;

/** A game or a result that breaks a rule (invalid roster, stat line, score): nothing is changed. */
public class GameRuleViolation extends RuntimeException {

    private final String reason;

    public GameRuleViolation(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A stable code clients can act on, e.g. {@code SCORE_MISMATCH}. */
    public String reason() {
        return reason;
    }
}
