package dev.p2pbet.wallet.transfer.domain;

import java.util.Objects;

/**
 * A failed transfer's reason. {@code retryable} tells the commanding service whether the same transfer_id may
 * succeed when commanded again: only when the provider never took the transfer (it was unreachable); a refusal
 * by the provider is stored under the idempotency key and would be replayed.
 */
public record TransferFailure(FailureReason reason, String message, boolean retryable) {

    public TransferFailure {
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }

    public static TransferFailure insufficientFunds(String message) {
        return new TransferFailure(FailureReason.INSUFFICIENT_FUNDS, message, false);
    }

    public static TransferFailure walletNotLinked(String userId) {
        return new TransferFailure(FailureReason.WALLET_NOT_LINKED, "user " + userId + " has no linked wallet", false);
    }

    public static TransferFailure accountNotFound(String message) {
        return new TransferFailure(FailureReason.ACCOUNT_NOT_FOUND, message, false);
    }

    public static TransferFailure rejected(String message) {
        return new TransferFailure(FailureReason.PROVIDER_REJECTED, message, false);
    }

    public static TransferFailure unavailable(String message) {
        return new TransferFailure(FailureReason.PROVIDER_UNAVAILABLE, message, true);
    }
}
