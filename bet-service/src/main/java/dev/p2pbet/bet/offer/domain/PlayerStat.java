package dev.p2pbet.bet.offer.domain;

/** A player statistic a PLAYER_STAT bet can be on. */
public enum PlayerStat {
    POINTS, REBOUNDS, ASSISTS, STEALS, BLOCKS, TURNOVERS, THREES_MADE
}
