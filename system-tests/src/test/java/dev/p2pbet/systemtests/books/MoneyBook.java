package dev.p2pbet.systemtests.books;

import dev.p2pbet.systemtests.clients.Sandbox;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every provider account must have gained or lost, by the money rules of DESIGN.md §3, written
 * entry by entry as the bets' fates demand. The figures the rules take from the provider (the gas of each
 * transfer, the refund's gas quote) are entered as the platform recorded them, never guessed.
 */
public final class MoneyBook {

    /** The platform's fee on the pot, in basis points (settlement-service's default). */
    public static final int DEFAULT_FEE_BPS = 250;

    private final int feeBps;
    private final Map<String, Long> changes = new TreeMap<>();
    private long deposits;

    public MoneyBook(int feeBps) {
        this.feeBps = feeBps;
    }

    public MoneyBook() {
        this(DEFAULT_FEE_BPS);
    }

    /** {@code fee = floor(2 * stake * fee_bps / 10000)}. */
    public static long fee(long stake, int feeBps) {
        return Math.floorDiv(Math.multiplyExact(2 * stake, feeBps), 10_000L);
    }

    /** What a refunded stake gives back: {@code max(0, stake - gas_in - gas_out)}. */
    public static long refundOf(long stake, long gasIn, long gasOut) {
        return Math.max(0, stake - gasIn - gasOut);
    }

    public long fee(long stake) {
        return fee(stake, feeBps);
    }

    /** Money from outside (a sandbox deposit): the only thing that changes the sum over all accounts. */
    public void deposit(String account, long amount) {
        add(account, amount);
        deposits += amount;
    }

    /** A stake moved from its owner's wallet into escrow. */
    public void escrowIn(String wallet, long stake) {
        add(wallet, -stake);
        add(Sandbox.ESCROW_VAULT, stake);
    }

    /** The winner gets the pot minus the fee, revenue the fee; both stakes leave the vault. */
    public void payout(String winnerWallet, long stake) {
        long fee = fee(stake);
        add(Sandbox.ESCROW_VAULT, -2 * stake);
        add(winnerWallet, 2 * stake - fee);
        add(Sandbox.PLATFORM_REVENUE, fee);
    }

    /** A stake goes back minus both gases; the platform recovers what the user does not get. */
    public void refund(String wallet, long stake, long gasIn, long gasOut) {
        long refund = refundOf(stake, gasIn, gasOut);
        add(Sandbox.ESCROW_VAULT, -stake);
        add(wallet, refund);
        add(Sandbox.PLATFORM_OPS, stake - refund);
    }

    /** Gas of one confirmed transfer: sponsored by the platform, it leaves for the network. */
    public void gas(long gasUsed) {
        add(Sandbox.PLATFORM_OPS, -gasUsed);
        add(Sandbox.NETWORK_FEES, gasUsed);
    }

    public long expectedChange(String account) {
        return changes.getOrDefault(account, 0L);
    }

    public Map<String, Long> expectedChanges() {
        return Map.copyOf(changes);
    }

    public long deposits() {
        return deposits;
    }

    private void add(String account, long amount) {
        changes.merge(account, amount, Math::addExact);
    }
}
