package dev.p2pbet.bet.game.domain;

/** A game as the bet service sees it: only a {@code scheduled} game takes offers and acceptances. */
public enum GameStatus {
    SCHEDULED, LIVE, FINAL, CANCELLED;

    public String code() {
        return name().toLowerCase();
    }

    public static GameStatus fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
