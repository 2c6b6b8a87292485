package dev.p2pbet.systemtests.support;

/**
 * JUnit resource locks. Scenarios check their own users' wallets and may run side by side (READ); a test that
 * checks the platform's own accounts (vault, ops, revenue, the sum over all accounts) or turns the provider's
 * faults on needs the platform to itself (READ_WRITE).
 */
public final class Locks {

    public static final String PLATFORM_BOOKS = "platform-books";

    private Locks() {
    }
}
