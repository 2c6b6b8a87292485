package dev.p2pbet.stats.game.domain;

import java.util.Locale;
import java.util.Set;

/**
 * A game's life: {@code scheduled -> live -> final | cancelled}. A result may also arrive for a
 * game that never showed as live (a feed that only reports the end): it then passes through
 * live on its way to final. {@code final} and {@code cancelled} are for ever.
 */
public enum GameStatus {
    SCHEDULED, LIVE, FINAL, CANCELLED;

    private Set<GameStatus> next() {
        return switch (this) {
            case SCHEDULED -> Set.of(LIVE, CANCELLED);
            case LIVE -> Set.of(FINAL, CANCELLED);
            case FINAL, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(GameStatus target) {
        return next().contains(target);
    }

    void requireMoveTo(GameStatus target, String gameId) {
        if (!canMoveTo(target)) {
            throw new IllegalGameTransitionException(gameId, this, target);
        }
    }

    /** The lower-case name the database and the API use. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GameStatus fromCode(String code) {
        for (GameStatus status : values()) {
            if (status.code().equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown game status: " + code);
    }
}
