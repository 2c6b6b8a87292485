package dev.p2pbet.stats.game.domain;

/** A game is finalized once: a second result that differs from the recorded one is refused. */
public class ResultConflictException extends RuntimeException {

    public ResultConflictException(String gameId) {
        super("Game " + gameId + " already has a different final result.");
    }
}
