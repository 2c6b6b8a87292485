package dev.p2pbet.bet.offer.domain;

/** Why an escrow-in did not happen (a rejected offer or a failed acceptance). */
public enum FailureReason {
    INSUFFICIENT_FUNDS, WALLET_NOT_LINKED, TRANSFER_FAILED, GAME_NOT_OPEN, OTHER
}
