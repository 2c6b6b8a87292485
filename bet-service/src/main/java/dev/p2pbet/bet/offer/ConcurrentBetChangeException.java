package dev.p2pbet.bet.offer;

/** Another transaction changed the bet between reading it and the guarded update. */
public class ConcurrentBetChangeException extends RuntimeException {

    public ConcurrentBetChangeException(String betId) {
        super("Bet " + betId + " changed meanwhile.");
    }
}
