package dev.p2pbet.plumbing.money;

import java.util.Objects;

/**
 * An amount in integer minor units of one currency. Arithmetic never mixes currencies and never
 * overflows silently: a lost or doubled cent must fail loudly instead.
 */
public record Money(long amountMinor, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be a three-letter upper-case code: " + currency);
        }
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    /** The share {@code basisPoints / 10000} of this amount, rounded down (floor) as the fee rule asks. */
    public Money basisPoints(long basisPoints) {
        return new Money(Math.floorDiv(Math.multiplyExact(amountMinor, basisPoints), 10_000L), currency);
    }

    /** This amount, or zero when it is negative. */
    public Money atLeastZero() {
        return amountMinor < 0 ? zero(currency) : this;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(this, other);
        }
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency;
    }
}
