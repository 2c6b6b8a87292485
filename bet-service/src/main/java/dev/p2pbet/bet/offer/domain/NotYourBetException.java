package dev.p2pbet.bet.offer.domain;

/** Only the creator of an offer may withdraw it. */
public class NotYourBetException extends RuntimeException {

    public NotYourBetException(String betId) {
        super("Bet " + betId + " is not yours to withdraw.");
    }
}
