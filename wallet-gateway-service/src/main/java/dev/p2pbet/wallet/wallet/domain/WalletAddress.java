package dev.p2pbet.wallet.wallet.domain;

import dev.p2pbet.wallet.transfer.domain.ProviderAccounts;
import java.util.regex.Pattern;

/**
 * A user's external wallet address: an account id at the provider (1 to 128 of letters, digits and
 * {@code _ . : @ -}, as the provider allows), never one of the platform's own accounts, so that no user can
 * receive a payout into, or be charged a stake from, the vault or the platform's accounts.
 */
public record WalletAddress(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.:@-]{3,128}");

    public WalletAddress {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidWalletAddressException(
                    "A wallet address is 3 to 128 letters, digits and _ . : @ - characters");
        }
        if (ProviderAccounts.isPlatformAccount(value)) {
            throw new InvalidWalletAddressException(value + " is a platform account, not a user's wallet");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
