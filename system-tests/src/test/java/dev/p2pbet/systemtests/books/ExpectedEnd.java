package dev.p2pbet.systemtests.books;

/**
 * How a bet must end by the rules, from what the test did to it and the game's fate: which stakes went into
 * escrow, and whether the pot was paid to a winner or the stakes were refunded.
 */
public record ExpectedEnd(String status, String winnerId, boolean creatorEscrowed, boolean acceptorEscrowed) {

    /** The creator's escrow-in failed: nothing moved. */
    public static ExpectedEnd rejected() {
        return new ExpectedEnd("rejected", null, false, false);
    }

    /** An offer that ended unmatched (withdrawn, open at game start, game cancelled): the creator's stake back. */
    public static ExpectedEnd unmatchedRefund() {
        return new ExpectedEnd("refunded", null, true, false);
    }

    /** A matched bet whose game was cancelled, pushed or voided: both stakes back. */
    public static ExpectedEnd matchedRefund() {
        return new ExpectedEnd("refunded", null, true, true);
    }

    /** A matched bet decided by the result. */
    public static ExpectedEnd decided(Outcome outcome, String creatorId, String acceptorId) {
        return switch (outcome) {
            case CREATOR_WINS -> new ExpectedEnd("won", creatorId, true, true);
            case ACCEPTOR_WINS -> new ExpectedEnd("lost", acceptorId, true, true);
            case PUSH, VOID -> matchedRefund();
        };
    }
}
