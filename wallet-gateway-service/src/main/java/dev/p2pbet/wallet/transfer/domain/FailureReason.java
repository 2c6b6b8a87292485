package dev.p2pbet.wallet.transfer.domain;

/** Why a transfer did not happen; the same codes as the schema's TransferFailureReason. */
public enum FailureReason {
    INSUFFICIENT_FUNDS,
    WALLET_NOT_LINKED,
    ACCOUNT_NOT_FOUND,
    PROVIDER_REJECTED,
    PROVIDER_UNAVAILABLE,
    OTHER
}
