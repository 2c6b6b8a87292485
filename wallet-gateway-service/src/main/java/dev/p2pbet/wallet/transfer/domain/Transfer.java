package dev.p2pbet.wallet.transfer.domain;

import dev.p2pbet.plumbing.money.Money;
import java.util.Objects;

/**
 * One provider transfer, identified by its deterministic {@code transferId}, which is also the provider's
 * idempotency key. {@code attempts} counts the calls that may have reached the provider: once it is above zero,
 * nobody may conclude the provider lacks the transfer without looking it up by that key.
 */
public record Transfer(
        String transferId,
        TransferType type,
        String betId,
        String userId,
        String from,
        String to,
        Money amount,
        Money gasQuote,
        TransferStatus status,
        String providerTransferId,
        Money gasUsed,
        TransferFailure failure,
        int attempts) {

    public Transfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(betId, "betId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A transfer moves a positive amount, was " + amount);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("A transfer needs two accounts, got " + from + " twice");
        }
    }

    /** A new transfer, stored before the provider hears of it. */
    public static Transfer requested(TransferOrder order, TransferType.Route route) {
        return new Transfer(order.transferId(), order.type(), order.betId(), order.userId(), route.from(), route.to(),
                order.amount(), order.gasQuote(), TransferStatus.REQUESTED, null, null, null, 0);
    }

    /** A transfer refused before any route exists (no wallet linked): stored as failed, for the record. */
    public static Transfer refused(TransferOrder order, String from, String to, TransferFailure failure) {
        return new Transfer(order.transferId(), order.type(), order.betId(), order.userId(), from, to, order.amount(),
                order.gasQuote(), TransferStatus.REQUESTED.fail(), null, null, failure, 0);
    }

    /** The same requested transfer with one more provider call counted: the call about to be made. */
    public Transfer attempted() {
        if (status != TransferStatus.REQUESTED) {
            throw new IllegalTransferTransitionException(status, TransferStatus.REQUESTED);
        }
        return new Transfer(transferId, type, betId, userId, from, to, amount, gasQuote, status, providerTransferId,
                gasUsed, failure, attempts + 1);
    }

    public Transfer submitted(String providerId) {
        return new Transfer(transferId, type, betId, userId, from, to, amount, gasQuote, status.submit(),
                Objects.requireNonNull(providerId, "providerId"), null, null, attempts);
    }

    public Transfer confirmed(String providerId, Money gas) {
        if (gas.isNegative()) {
            throw new IllegalArgumentException("Gas cannot be negative: " + gas);
        }
        return new Transfer(transferId, type, betId, userId, from, to, amount, gasQuote, status.confirm(),
                Objects.requireNonNull(providerId, "providerId"), gas, null, attempts);
    }

    public Transfer failed(String providerId, TransferFailure reason) {
        return new Transfer(transferId, type, betId, userId, from, to, amount, gasQuote, status.fail(),
                providerId == null ? providerTransferId : providerId, null, Objects.requireNonNull(reason, "reason"),
                attempts);
    }

    /** A retryable failure commanded again: the same transfer_id, back to requested. */
    public Transfer reopened() {
        if (failure == null || !failure.retryable()) {
            throw new IllegalTransferTransitionException(status, TransferStatus.REQUESTED);
        }
        return new Transfer(transferId, type, betId, userId, from, to, amount, gasQuote, status.reopen(), null, null,
                null, attempts);
    }

    /** Whether a provider transfer is this one: the same accounts and amount under our idempotency key. */
    public boolean matches(String otherFrom, String otherTo, long amountMinor, String currency) {
        return from.equals(otherFrom) && to.equals(otherTo) && amount.amountMinor() == amountMinor
                && amount.currency().equals(currency);
    }

    /** Whether a call with this transfer's idempotency key may already have reached the provider. */
    public boolean mayBeKnownToProvider() {
        return attempts > 0;
    }
}
