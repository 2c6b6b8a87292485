package dev.p2pbet.settlement.decision.domain;

/** The creator's side; the acceptor takes the opposite one. */
public enum SelectionSide { HOME, AWAY, OVER, UNDER }
