package dev.p2pbet.stats.game.domain;

/** A game id is taken by a game with another schedule or roster. */
public class GameAlreadyExistsException extends RuntimeException {

    public GameAlreadyExistsException(String gameId) {
        super("Game " + gameId + " already exists with another schedule or roster.");
    }
}
