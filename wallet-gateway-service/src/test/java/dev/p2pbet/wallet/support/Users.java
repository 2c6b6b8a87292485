package dev.p2pbet.wallet.support;

import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import java.util.UUID;

/** Sandbox users: an account at the simulator with a balance, linked to a user of the gateway. */
public final class Users {

    private Users() {
    }

    /** A new user whose linked wallet holds {@code balanceMinor}; returns the user id (the wallet is "w-" + id). */
    public static String aUserWith(long balanceMinor, WalletRepository wallets) {
        String userId = "user-" + UUID.randomUUID();
        WalletSimulator.shared().fundedAccount(walletOf(userId), balanceMinor);
        wallets.link(userId, walletOf(userId));
        return userId;
    }

    public static String walletOf(String userId) {
        return "w-" + userId;
    }
}
