package dev.p2pbet.bet.game.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** The projection of a game from {@code game.events}: enough to tell whether a bet on it is valid. */
public record Game(String gameId, GameStatus status, String homeTeam, String awayTeam, Instant startsAt,
                   Set<String> playerIds) {

    public Game {
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(status, "status");
        playerIds = Set.copyOf(playerIds);
    }

    public boolean openForBetting() {
        return status == GameStatus.SCHEDULED;
    }

    public boolean hasPlayer(String playerId) {
        return playerIds.contains(playerId);
    }
}
