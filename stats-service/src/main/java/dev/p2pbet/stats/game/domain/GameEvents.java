package dev.p2pbet.stats.game.domain;

/** Port: publishes a game's changes, in the transaction that stores them. */
public interface GameEvents {

    void publish(GameChange change);
}
