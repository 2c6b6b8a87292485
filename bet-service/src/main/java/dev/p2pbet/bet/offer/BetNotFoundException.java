package dev.p2pbet.bet.offer;

public class BetNotFoundException extends RuntimeException {

    public BetNotFoundException(String betId) {
        super("There is no bet " + betId + ".");
    }
}
