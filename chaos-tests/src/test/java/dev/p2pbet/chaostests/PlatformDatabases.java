package dev.p2pbet.chaostests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the services' own databases say about a round's bets, read with plain SQL: the work in flight when a fault
 * lands, and whether any bet was paid twice (the gateway's ledger and the provider's transfers).
 */
final class PlatformDatabases {

    /** Bets and transfers still moving when a fault lands. */
    record InFlight(int betsInTransition, int transfersPending, int settlementsOpen) {

        static final InFlight NONE = new InFlight(0, 0, 0);

        int total() {
            return betsInTransition + transfersPending + settlementsOpen;
        }

        InFlight plus(InFlight other) {
            return new InFlight(betsInTransition + other.betsInTransition, transfersPending + other.transfersPending,
                    settlementsOpen + other.settlementsOpen);
        }

        @Override
        public String toString() {
            return betsInTransition + " bets / " + transfersPending + " transfers / " + settlementsOpen
                    + " settlements";
        }
    }

    private final ChaosPlatform platform;

    PlatformDatabases(ChaosPlatform platform) {
        this.platform = platform;
    }

    /**
     * Bets between two steady states (escrow or acceptance pending, withdrawn/expired awaiting their refund,
     * settling), the gateway's transfers not yet confirmed or failed, settlements not yet paid or refunded.
     */
    InFlight inFlight(Collection<String> betIds) {
        String[] ids = betIds.toArray(String[]::new);
        return new InFlight(
                count("bet", "SELECT count(*) FROM bets WHERE bet_id::text = ANY(?) AND status IN ('escrow_pending',"
                        + " 'matching', 'withdrawn', 'expired', 'settling', 'high_gas_wait')", ids),
                count("wallet_gateway", "SELECT count(*) FROM wallet_transactions WHERE bet_id = ANY(?)"
                        + " AND status IN ('requested', 'submitted')", ids),
                count("settlement", "SELECT count(*) FROM settlements WHERE bet_id = ANY(?)"
                        + " AND status IN ('decided', 'settling', 'high_gas_wait')", ids));
    }

    /**
     * Bets money left the vault for more than once per purpose, or more than came in: the gateway's ledger
     * (confirmed payouts and refunds per bet and user) and the provider's own transfers (money out of
     * ESCROW_VAULT per bet above money in, or a second confirmed payout).
     */
    List<String> paidTwice(Collection<String> betIds) {
        String[] ids = betIds.toArray(String[]::new);
        List<String> found = new ArrayList<>();
        found.addAll(list("wallet_gateway", """
                SELECT bet_id || ' ' || type || ' x' || count(*) FROM wallet_transactions
                WHERE bet_id = ANY(?) AND status = 'confirmed' AND type IN ('payout', 'refund')
                GROUP BY bet_id, type, user_id HAVING count(*) > 1""", ids));
        found.addAll(list("wallet_simulator", """
                SELECT bet || ': out of the vault ' || paid_out || ' > in ' || paid_in || ', payouts ' || payouts
                FROM (SELECT split_part(idempotency_key, ':', 1) AS bet,
                             coalesce(sum(amount_minor) FILTER (WHERE to_account = 'ESCROW_VAULT'), 0) AS paid_in,
                             coalesce(sum(amount_minor) FILTER (WHERE from_account = 'ESCROW_VAULT'), 0) AS paid_out,
                             count(*) FILTER (WHERE idempotency_key LIKE '%:payout') AS payouts
                      FROM transfers WHERE status = 'confirmed' GROUP BY 1) per_bet
                WHERE bet = ANY(?) AND (paid_out > paid_in OR payouts > 1)""", ids));
        return found;
    }

    /** Confirmed payout transfers at the provider for these bets (each pays a winner once). */
    int payouts(Collection<String> betIds) {
        return count("wallet_simulator", "SELECT count(*) FROM transfers WHERE status = 'confirmed'"
                + " AND idempotency_key LIKE '%:payout' AND split_part(idempotency_key, ':', 1) = ANY(?)",
                betIds.toArray(String[]::new));
    }

    /** Bets whose own escrow at the provider is not back to zero (money stuck in the vault for a final bet). */
    List<String> vaultLeftovers(Collection<String> betIds) {
        return list("wallet_simulator", """
                SELECT bet || ': ' || (paid_in - paid_out) || ' left in the vault'
                FROM (SELECT split_part(idempotency_key, ':', 1) AS bet,
                             coalesce(sum(amount_minor) FILTER (WHERE to_account = 'ESCROW_VAULT'), 0) AS paid_in,
                             coalesce(sum(amount_minor) FILTER (WHERE from_account = 'ESCROW_VAULT'), 0) AS paid_out
                      FROM transfers WHERE status = 'confirmed' GROUP BY 1) per_bet
                WHERE bet = ANY(?) AND paid_in <> paid_out""", betIds.toArray(String[]::new));
    }

    private int count(String database, String sql, String[] ids) {
        List<String> rows = list(database, sql, ids);
        return rows.isEmpty() ? 0 : Integer.parseInt(rows.getFirst());
    }

    private List<String> list(String database, String sql, String[] ids) {
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(database),
                platform.stack().postgresUser(), platform.stack().postgresPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", ids));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + database + " failed: " + e.getMessage(), e);
        }
    }
}
