package dev.p2pbet.settlement.decision.domain;

public enum PlayerStat { POINTS, REBOUNDS, ASSISTS, STEALS, BLOCKS, TURNOVERS, THREES_MADE }
