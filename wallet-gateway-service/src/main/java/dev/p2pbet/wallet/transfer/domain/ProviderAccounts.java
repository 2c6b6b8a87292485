package dev.p2pbet.wallet.transfer.domain;

import java.util.Set;

/** The platform's accounts at the provider (DESIGN.md section 3). No user may link one of them as their wallet. */
public final class ProviderAccounts {

    public static final String ESCROW_VAULT = "ESCROW_VAULT";
    public static final String PLATFORM_OPS = "PLATFORM_OPS";
    public static final String PLATFORM_REVENUE = "PLATFORM_REVENUE";
    /** The simulator's stand-in for the network, where gas ends. */
    public static final String NETWORK_FEES = "NETWORK_FEES";

    public static final Set<String> ALL = Set.of(ESCROW_VAULT, PLATFORM_OPS, PLATFORM_REVENUE, NETWORK_FEES);

    private ProviderAccounts() {
    }

    public static boolean isPlatformAccount(String accountId) {
        return ALL.stream().anyMatch(id -> id.equalsIgnoreCase(accountId));
    }
}
