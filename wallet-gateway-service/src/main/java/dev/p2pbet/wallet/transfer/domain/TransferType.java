package dev.p2pbet.wallet.transfer.domain;

import java.util.Locale;

/**
 * The five kinds of provider transfer, and the accounts each one moves money between: a user's wallet and the
 * escrow vault, or the vault and a platform account. Only escrow-in takes money from a user; every other kind
 * takes it out of the vault.
 */
public enum TransferType {
    ESCROW_IN,
    PAYOUT,
    FEE,
    REFUND,
    GAS_RECOVERY;

    /** Whether the route needs the user's linked wallet address. */
    public boolean involvesUserWallet() {
        return this == ESCROW_IN || this == PAYOUT || this == REFUND;
    }

    /** From and to accounts; {@code userAddress} is ignored for the kinds that do not involve a user. */
    public Route route(String userAddress) {
        return switch (this) {
            case ESCROW_IN -> new Route(requireAddress(userAddress), ProviderAccounts.ESCROW_VAULT);
            case PAYOUT, REFUND -> new Route(ProviderAccounts.ESCROW_VAULT, requireAddress(userAddress));
            case FEE -> new Route(ProviderAccounts.ESCROW_VAULT, ProviderAccounts.PLATFORM_REVENUE);
            case GAS_RECOVERY -> new Route(ProviderAccounts.ESCROW_VAULT, ProviderAccounts.PLATFORM_OPS);
        };
    }

    /** The lower-case name the ledger stores. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransferType ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    private String requireAddress(String userAddress) {
        if (userAddress == null || userAddress.isBlank()) {
            throw new IllegalArgumentException(this + " needs the user's wallet address");
        }
        return userAddress;
    }

    /** Source and destination account at the provider. */
    public record Route(String from, String to) {
    }
}
