package dev.p2pbet.wallet.wallet.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' wallet links ({@code wallets}). */
@Repository
public class WalletRepository {

    private final JdbcClient jdbc;

    WalletRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user's wallet row and linked address (null until linked). */
    public record WalletRow(String userId, String address) {
    }

    /** Creates the user's wallet row; false when it exists (the hook is idempotent). */
    public boolean createIfAbsent(String userId) {
        return jdbc.sql("INSERT INTO wallets (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING")
                .param(userId).update() == 1;
    }

    /** Links the address (creating the row when the hook never ran); the unique address index refuses a taken one. */
    public void link(String userId, String address) {
        jdbc.sql("""
                INSERT INTO wallets (user_id, external_wallet_address) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET external_wallet_address = excluded.external_wallet_address,
                    updated_at = now()""")
                .params(userId, address).update();
    }

    public Optional<WalletRow> find(String userId) {
        return jdbc.sql("SELECT user_id, external_wallet_address FROM wallets WHERE user_id = ?")
                .param(userId)
                .query((rs, row) -> new WalletRow(rs.getString("user_id"), rs.getString("external_wallet_address")))
                .optional();
    }

    public Optional<String> addressOf(String userId) {
        return find(userId).map(WalletRow::address);
    }

    public Optional<String> ownerOf(String address) {
        return jdbc.sql("SELECT user_id FROM wallets WHERE external_wallet_address = ?")
                .param(address).query(String.class).optional();
    }
}
