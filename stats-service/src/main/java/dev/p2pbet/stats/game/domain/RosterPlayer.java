package dev.p2pbet.stats.game.domain;

import java.util.Objects;

/** A player listed for a game; only rostered players have stat lines. */
public record RosterPlayer(String playerId, String name, Team team) {

    public RosterPlayer {
        Objects.requireNonNull(team, "team");
        if (playerId == null || playerId.isBlank() || name == null || name.isBlank()) {
            throw new GameRuleViolation("INVALID_ROSTER", "Every rostered player needs an id and a name.");
        }
    }
}
