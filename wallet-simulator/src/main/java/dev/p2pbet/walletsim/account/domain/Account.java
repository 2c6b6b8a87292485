package dev.p2pbet.walletsim.account.domain;

import java.util.Objects;

/**
 * An account at the provider. {@code balanceMinor} is the settled balance (what the liquidity audit reads);
 * {@code reservedMinor} is held for pending transfers and cannot be spent twice.
 */
public record Account(String id, String currency, long balanceMinor, long reservedMinor) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        if (reservedMinor < 0 || reservedMinor > balanceMinor) {
            throw new IllegalStateException("Account " + id + " holds " + reservedMinor + " of " + balanceMinor);
        }
    }

    public long availableMinor() {
        return balanceMinor - reservedMinor;
    }

    /** Holds {@code amountMinor} for a pending transfer, or refuses when the available balance is short. */
    public Account hold(long amountMinor) {
        requirePositiveOrZero(amountMinor);
        if (amountMinor > availableMinor()) {
            throw new InsufficientFundsException(id, amountMinor, availableMinor());
        }
        return new Account(id, currency, balanceMinor, reservedMinor + amountMinor);
    }

    public Account release(long amountMinor) {
        requirePositiveOrZero(amountMinor);
        return new Account(id, currency, balanceMinor, reservedMinor - amountMinor);
    }

    /** Applies a settled movement: negative for a debit (which must have been held), positive for a credit. */
    public Account post(long deltaMinor) {
        return new Account(id, currency, Math.addExact(balanceMinor, deltaMinor), reservedMinor);
    }

    public Account deposit(long amountMinor) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A deposit must be positive, was " + amountMinor);
        }
        return post(amountMinor);
    }

    private static void requirePositiveOrZero(long amountMinor) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("Amount must not be negative: " + amountMinor);
        }
    }
}
