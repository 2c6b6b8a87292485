package dev.p2pbet.walletsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.walletsim.account.domain.Account;
import dev.p2pbet.walletsim.support.SimulatorClient;
import dev.p2pbet.walletsim.support.WalletSimulatorIT;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locking an account must not wait for a transfer that another transaction is storing against it (its foreign keys
 * hold a key-share lock on both accounts until that transaction ends): a submission waiting for {@code PLATFORM_OPS}
 * while holding that key-share, and a settlement holding {@code PLATFORM_OPS} and locking the same account, would
 * otherwise deadlock.
 */
@WalletSimulatorIT
class AccountLockIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void locking_an_account_does_not_wait_for_a_transfer_being_stored_against_it() throws Exception {
        String alice = SimulatorClient.on(port).anAccountWith(1_000);

        try (Connection storing = dataSource.getConnection()) {
            storing.setAutoCommit(false);
            storeTransferWithoutCommitting(storing, alice);
            try {
                Optional<Account> one = lockedWithin3s(() -> accounts.lock(alice));
                List<Account> several = lockedWithin3s(() -> accounts.lockAll(List.of(alice, "ESCROW_VAULT")));

                assertThat(one).map(Account::id).hasValue(alice);
                assertThat(several).extracting(Account::id).containsExactly("ESCROW_VAULT", alice);
            } finally {
                storing.rollback();
            }
        }
    }

    /** Runs the lock in a transaction of its own that gives up (and fails the test) after waiting 3 s for a lock. */
    private <T> T lockedWithin3s(java.util.function.Supplier<T> lock) {
        return transaction.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '3s'");
            return lock.get();
        });
    }

    private static void storeTransferWithoutCommitting(Connection connection, String from) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO transfers (id, client_id, idempotency_key, request_fingerprint, from_account, to_account,
                    amount_minor, currency, gas_limit_minor, status, sequence, created_at, confirm_after)
                VALUES (?, 'gateway', ?, ?, ?, 'ESCROW_VAULT', 100, 'USD', 10, 'pending', 1, ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, "lock-test:" + UUID.randomUUID());
            insert.setString(3, "0".repeat(64));
            insert.setString(4, from);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
        }
    }
}
