package dev.p2pbet.settlement.decision.domain;

public enum SelectionType { GAME_WINNER, TOTAL_POINTS, PLAYER_STAT }
