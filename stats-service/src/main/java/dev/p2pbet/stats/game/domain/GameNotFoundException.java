package dev.p2pbet.stats.game.domain;

public class GameNotFoundException extends RuntimeException {

    public GameNotFoundException(String gameId) {
        super("There is no game " + gameId + ".");
    }
}
