package dev.p2pbet.walletsim.account;

import dev.p2pbet.walletsim.account.domain.Account;
import java.time.Instant;

/** An account's balance as the API shows it: settled, available (settled minus held) and held. */
public record AccountBalance(String accountId, String currency, long balanceMinor, long availableMinor,
                             long reservedMinor, Instant asOf) {

    public static AccountBalance of(Account account, Instant asOf) {
        return new AccountBalance(account.id(), account.currency(), account.balanceMinor(), account.availableMinor(),
                account.reservedMinor(), asOf);
    }
}
