package dev.p2pbet.walletsim.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pbet.walletsim.account.domain.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SettlementBatchTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private static Transfer aPending(String from, String to, long amount, long gasLimit) {
        return Transfer.accept(UUID.randomUUID(), "gateway", "key-" + UUID.randomUUID(),
                new TransferRequest(from, to, amount, "USD", ""), gasLimit, NOW, Duration.ZERO);
    }

    /** The accounts once the pending transfers' holds are in place (what submission leaves). */
    private static Map<String, Account> heldFor(Map<String, Long> balances, List<Transfer> pending) {
        Map<String, Account> accounts = new HashMap<>();
        balances.forEach((id, balance) -> accounts.put(id, new Account(id, "USD", balance, 0)));
        for (Transfer transfer : pending) {
            transfer.holds().forEach((id, held) -> accounts.put(id, accounts.get(id).hold(held)));
        }
        return accounts;
    }

    private static Map<String, Account> oneByOne(Map<String, Account> locked, List<Transfer> settled) {
        Map<String, Account> accounts = new HashMap<>(locked);
        for (Transfer transfer : settled) {
            accounts.putAll(SettlementBatch.apply(accounts, List.of(transfer)));
        }
        return accounts;
    }

    private static long total(Map<String, Account> accounts) {
        return accounts.values().stream().mapToLong(Account::balanceMinor).sum();
    }

    @Test
    void settles_transfers_sharing_the_vault_and_the_sponsor_exactly_as_one_transaction_each_would() {
        Transfer alice = aPending("alice", "ESCROW_VAULT", 500, 40);
        Transfer bob = aPending("bob", "ESCROW_VAULT", 300, 30);
        Transfer payout = aPending("ESCROW_VAULT", "carol", 200, 20);
        Map<String, Account> locked = heldFor(Map.of("alice", 1_000L, "bob", 300L, "carol", 0L,
                "ESCROW_VAULT", 200L, "PLATFORM_OPS", 1_000L, "NETWORK_FEES", 0L), List.of(alice, bob, payout));
        List<Transfer> settled = List.of(alice.confirm(37, NOW), bob.confirm(30, NOW), payout.confirm(1, NOW));

        Map<String, Account> after = SettlementBatch.apply(locked, settled);

        assertThat(after).isEqualTo(oneByOne(locked, settled));
        assertThat(after.get("ESCROW_VAULT")).isEqualTo(new Account("ESCROW_VAULT", "USD", 200 + 500 + 300 - 200, 0));
        assertThat(after.get("PLATFORM_OPS")).isEqualTo(new Account("PLATFORM_OPS", "USD", 1_000 - 37 - 30 - 1, 0));
        assertThat(after.get("NETWORK_FEES").balanceMinor()).isEqualTo(37 + 30 + 1);
        assertThat(after.get("alice")).isEqualTo(new Account("alice", "USD", 500, 0));
        assertThat(after.get("bob")).isEqualTo(new Account("bob", "USD", 0, 0));
        assertThat(after.get("carol")).isEqualTo(new Account("carol", "USD", 200, 0));
        assertThat(total(after)).isEqualTo(total(locked));
    }

    @Test
    void a_failed_transfer_in_the_batch_only_releases_its_holds() {
        Transfer alice = aPending("alice", "ESCROW_VAULT", 500, 40);
        Transfer bob = aPending("bob", "ESCROW_VAULT", 300, 30);
        Map<String, Account> locked = heldFor(Map.of("alice", 500L, "bob", 300L, "ESCROW_VAULT", 0L,
                "PLATFORM_OPS", 1_000L, "NETWORK_FEES", 0L), List.of(alice, bob));

        Map<String, Account> after = SettlementBatch.apply(locked,
                List.of(alice.fail("rejected_by_network", NOW), bob.confirm(25, NOW)));

        assertThat(after.get("alice")).isEqualTo(new Account("alice", "USD", 500, 0));
        assertThat(after.get("bob")).isEqualTo(new Account("bob", "USD", 0, 0));
        assertThat(after.get("ESCROW_VAULT").balanceMinor()).isEqualTo(300);
        assertThat(after.get("PLATFORM_OPS")).isEqualTo(new Account("PLATFORM_OPS", "USD", 1_000 - 25, 0));
        assertThat(total(after)).isEqualTo(total(locked));
    }

    @Test
    void locks_every_touched_account_once_in_account_id_order() {
        List<Transfer> settled = List.of(aPending("bob", "ESCROW_VAULT", 1, 1).confirm(1, NOW),
                aPending("alice", "ESCROW_VAULT", 1, 1).confirm(1, NOW),
                aPending("ESCROW_VAULT", "PLATFORM_REVENUE", 1, 1).confirm(1, NOW));

        assertThat(SettlementBatch.accountsToLock(settled)).containsExactly(
                "ESCROW_VAULT", "NETWORK_FEES", "PLATFORM_OPS", "PLATFORM_REVENUE", "alice", "bob");
    }

    @Test
    void refuses_a_transfer_that_is_still_pending() {
        Transfer pending = aPending("alice", "ESCROW_VAULT", 500, 40);
        Map<String, Account> locked = heldFor(Map.of("alice", 500L, "ESCROW_VAULT", 0L, "PLATFORM_OPS", 1_000L,
                "NETWORK_FEES", 0L), List.of(pending));

        assertThatThrownBy(() -> SettlementBatch.apply(locked, List.of(pending)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_an_account_that_was_not_locked() {
        Transfer alice = aPending("alice", "ESCROW_VAULT", 500, 40);
        Map<String, Account> locked = new HashMap<>(heldFor(Map.of("alice", 500L, "ESCROW_VAULT", 0L,
                "PLATFORM_OPS", 1_000L, "NETWORK_FEES", 0L), List.of(alice)));
        locked.remove("NETWORK_FEES");

        assertThatThrownBy(() -> SettlementBatch.apply(locked, List.of(alice.confirm(1, NOW))))
                .isInstanceOf(IllegalStateException.class);
    }
}
