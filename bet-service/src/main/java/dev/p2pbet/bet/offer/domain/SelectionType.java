package dev.p2pbet.bet.offer.domain;

/** What a bet is on. */
public enum SelectionType {
    GAME_WINNER, TOTAL_POINTS, PLAYER_STAT
}
