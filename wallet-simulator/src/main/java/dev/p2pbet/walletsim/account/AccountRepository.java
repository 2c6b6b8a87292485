package dev.p2pbet.walletsim.account;

import dev.p2pbet.walletsim.account.domain.Account;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in PostgreSQL. Writers lock rows with {@link #lock} in account-id order, which rules out deadlocks. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, currency, balance_minor, reserved_minor";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ?").param(id).query(AccountRepository::map).optional();
    }

    /** {@code SELECT ... FOR UPDATE}; callers lock several accounts in ascending id order. */
    public Optional<Account> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ? FOR UPDATE").param(id).query(AccountRepository::map).optional();
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

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("currency"), rs.getLong("balance_minor"), rs.getLong("reserved_minor"));
    }
}
