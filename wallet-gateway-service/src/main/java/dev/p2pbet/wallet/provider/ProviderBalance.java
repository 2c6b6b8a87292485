package dev.p2pbet.wallet.provider;

import java.time.Instant;

/** An account's balance at the provider: settled, available (settled minus held for pending transfers), as of when. */
public record ProviderBalance(String accountId, String currency, long balanceMinor, long availableMinor,
                              Instant asOf) {
}
