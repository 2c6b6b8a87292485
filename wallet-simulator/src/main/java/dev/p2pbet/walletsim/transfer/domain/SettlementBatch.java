package dev.p2pbet.walletsim.transfer.domain;

import dev.p2pbet.walletsim.account.domain.Account;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The account changes of several transfers settled in one transaction. Each transfer, in the given order, releases
 * its holds and, when confirmed, posts its movements, exactly as if it had been settled alone; each account then
 * ends in one state and is written once. Why: every transfer touches the same system rows ({@code PLATFORM_OPS},
 * {@code NETWORK_FEES}, mostly {@code ESCROW_VAULT}), so settling one per transaction locks and writes those rows
 * once per transfer and serialises every settlement and submission behind them.
 */
public final class SettlementBatch {

    private SettlementBatch() {
    }

    /** Every account the settlements touch, in lock order (the order of {@link Transfer#touchedAccounts()}). */
    public static SortedSet<String> accountsToLock(List<Transfer> settled) {
        SortedSet<String> ids = new TreeSet<>();
        settled.forEach(transfer -> ids.addAll(transfer.touchedAccounts().keySet()));
        return ids;
    }

    /**
     * The accounts after the settlements, from their locked state; only the accounts the settlements touch, each
     * once. A transfer that is still pending, or an account missing from {@code locked}, is a programming error.
     */
    public static SortedMap<String, Account> apply(Map<String, Account> locked, List<Transfer> settled) {
        SortedMap<String, Account> after = new TreeMap<>();
        for (Transfer transfer : settled) {
            if (transfer.status() == TransferStatus.PENDING) {
                throw new IllegalArgumentException("Transfer " + transfer.id() + " is not settled");
            }
            for (String id : transfer.touchedAccounts().keySet()) {
                after.computeIfAbsent(id, key -> {
                    Account account = locked.get(key);
                    if (account == null) {
                        throw new IllegalStateException("Account " + key + " of transfer " + transfer.id() + " is not locked");
                    }
                    return account;
                });
            }
            transfer.holds().forEach((id, held) -> after.put(id, after.get(id).release(held)));
            if (transfer.status() == TransferStatus.CONFIRMED) {
                transfer.postings().forEach((id, delta) -> after.put(id, after.get(id).post(delta)));
            }
        }
        return after;
    }
}
