package dev.p2pbet.stats.game.domain;

/** A status change the state machine does not allow, e.g. a result for a cancelled game. */
public class IllegalGameTransitionException extends RuntimeException {

    private final GameStatus from;
    private final GameStatus to;

    public IllegalGameTransitionException(String gameId, GameStatus from, GameStatus to) {
        super("Game " + gameId + " is " + from.code() + " and cannot become " + to.code() + ".");
        this.from = from;
        this.to = to;
    }

    public GameStatus from() {
        return from;
    }

    public GameStatus to() {
        return to;
    }
}
