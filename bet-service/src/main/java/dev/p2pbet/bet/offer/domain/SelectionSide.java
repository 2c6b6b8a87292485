package dev.p2pbet.bet.offer.domain;

/** The creator's side; the acceptor holds the opposite one. */
public enum SelectionSide {
    HOME, AWAY, OVER, UNDER;

    public SelectionSide opposite() {
        return switch (this) {
            case HOME -> AWAY;
            case AWAY -> HOME;
            case OVER -> UNDER;
            case UNDER -> OVER;
        };
    }
}
