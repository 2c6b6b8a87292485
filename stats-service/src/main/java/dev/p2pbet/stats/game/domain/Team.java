package dev.p2pbet.stats.game.domain;

/** Which of a game's two teams. */
public enum Team {
    HOME, AWAY
}
