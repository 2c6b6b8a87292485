package dev.p2pbet.bet.offer.domain;

/** The game is no longer (or was never) open for betting: it has started, ended or been cancelled. */
public class GameNotOpenException extends RuntimeException {

    public GameNotOpenException(String gameId, String status) {
        super("Game " + gameId + " is " + status + ": it takes no more offers or acceptances.");
    }
}
