package dev.p2pbet.walletsim.account;

import dev.p2pbet.walletsim.account.domain.Account;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts in PostgreSQL. Writers lock rows with {@link #lock} or {@link #lockAll} in account-id order, which rules
 * out deadlocks among them. The lock is {@code FOR NO KEY UPDATE}, not {@code FOR UPDATE}: storing a transfer
 * takes {@code FOR KEY SHARE} on both its accounts (the foreign keys), which {@code FOR UPDATE} waits for and
 * {@code FOR NO KEY UPDATE} does not. With {@code FOR UPDATE}, a submission holding the key-share of its source and
 * waiting for {@code PLATFORM_OPS} deadlocked with a settlement holding {@code PLATFORM_OPS} and waiting for that
 * source. Balances are not keys, so writers still exclude each other.
 */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, currency, balance_minor, reserved_minor";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AccountRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Account> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ?").param(id).query(AccountRepository::map).optional();
    }

    /** {@code SELECT ... FOR NO KEY UPDATE}; callers lock several accounts in ascending id order. */
    public Optional<Account> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ? FOR NO KEY UPDATE").param(id)
                .query(AccountRepository::map).optional();
    }

    /**
     * Locks several accounts in one statement, in ascending id order. {@code COLLATE "C"} orders by bytes, which
     * for account ids (ASCII only) is Java's {@code String} order, the order {@link #lock} callers follow: the
     * lock order stays one order, whichever way a writer locks.
     */
    public List<Account> lockAll(Collection<String> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ANY(?) ORDER BY id COLLATE \"C\" FOR NO KEY UPDATE")
                .param(ids.toArray(String[]::new)).query(AccountRepository::map).list();
    }

    public List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts ORDER BY id").query(AccountRepository::map).list();
    }

    /** Opens an account with a zero balance; false when it already exists. */
    public boolean open(String id, String currency, boolean system) {
        return jdbc.sql("""
                INSERT INTO accounts (id, currency, balance_minor, reserved_minor, system_account)
                VALUES (?, ?, 0, 0, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, currency, system).update() == 1;
    }

    public void save(Account account) {
        int updated = jdbc.sql("UPDATE accounts SET balance_minor = ?, reserved_minor = ?, updated_at = now() WHERE id = ?")
                .params(account.balanceMinor(), account.reservedMinor(), account.id()).update();
        if (updated != 1) {
            throw new IllegalStateException("Account " + account.id() + " vanished");
        }
    }

    /** Writes several locked accounts in one round trip (a JDBC batch). */
    public void saveAll(Collection<Account> accounts) {
        List<Account> rows = List.copyOf(accounts);
        int[] updated = batch.batchUpdate("UPDATE accounts SET balance_minor = ?, reserved_minor = ?, updated_at = now() WHERE id = ?",
                rows.stream().map(a -> new Object[] {a.balanceMinor(), a.reservedMinor(), a.id()}).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                throw new IllegalStateException("Account " + rows.get(i).id() + " vanished");
            }
        }
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("currency"), rs.getLong("balance_minor"), rs.getLong("reserved_minor"));
    }
}
