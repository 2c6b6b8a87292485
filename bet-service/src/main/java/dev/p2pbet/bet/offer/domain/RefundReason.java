package dev.p2pbet.bet.offer.domain;

/** Why settlement gave a stake back. */
public enum RefundReason {
    CANCELLED, PUSH, VOID, WITHDRAWN, UNMATCHED_AT_START
}
