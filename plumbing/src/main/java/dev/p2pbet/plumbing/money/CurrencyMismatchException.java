package dev.p2pbet.plumbing.money;

/** Two amounts of different currencies met in one calculation: a programming error, never converted. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Money left, Money right) {
        super("cannot combine " + left + " with " + right);
    }
}
