package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.transfer.domain.Transfer;
import dev.p2pbet.walletsim.transfer.domain.TransferRequest;
import dev.p2pbet.walletsim.transfer.domain.TransferStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TransferRepository {

    private static final String COLUMNS = """
            id, client_id, idempotency_key, from_account, to_account, amount_minor, currency, reference,
            gas_limit_minor, gas_used_minor, status, failure_reason, sequence, created_at, confirm_after, settled_at""";

    private static final String SETTLE = """
            UPDATE transfers SET status = ?, gas_used_minor = ?, failure_reason = ?, sequence = ?, settled_at = ?
            WHERE id = ? AND status = 'pending'""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TransferRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Stores a new transfer unless its client already used the idempotency key. A concurrent insert under the same
     * key waits for the other transaction, so the loser sees the winner's row afterwards.
     */
    boolean insertIfAbsent(Transfer transfer) {
        TransferRequest request = transfer.request();
        return jdbc.sql("""
                INSERT INTO transfers (id, client_id, idempotency_key, request_fingerprint, from_account, to_account,
                    amount_minor, currency, reference, gas_limit_minor, status, sequence, created_at, confirm_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (client_id, idempotency_key) DO NOTHING""")
                .params(transfer.id(), transfer.clientId(), transfer.idempotencyKey(), request.fingerprint(),
                        request.from(), request.to(), request.amountMinor(), request.currency(), request.reference(),
                        transfer.gasLimitMinor(), transfer.status().code(), transfer.sequence(),
                        timestamp(transfer.createdAt()), timestamp(transfer.confirmAfter()))
                .update() == 1;
    }

    Optional<Transfer> find(String clientId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfers WHERE id = ? AND client_id = ?")
                .params(id, clientId).query(TransferRepository::map).optional();
    }

    Optional<Transfer> findByKey(String clientId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfers WHERE client_id = ? AND idempotency_key = ?")
                .params(clientId, idempotencyKey).query(TransferRepository::map).optional();
    }

    /** Up to {@code limit} of the oldest pending transfers due for settlement, locked; other workers skip them. */
    List<Transfer> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM transfers WHERE status = 'pending' AND confirm_after <= ?
                ORDER BY confirm_after, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(timestamp(now), limit).query(TransferRepository::map).list();
    }

    /**
     * Records settlements in one round trip (a JDBC batch), each guarded by the pending status so that nothing
     * settles twice: a transfer that was no longer pending fails the whole transaction.
     */
    void settleAll(List<Transfer> settled) {
        int[] updated = batch.batchUpdate(SETTLE, settled.stream().map(t -> new Object[] {t.status().code(),
                t.gasUsedMinor(), t.failureReason(), t.sequence(), timestamp(t.settledAt()), t.id()}).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                throw new IllegalStateException("Transfer " + settled.get(i).id() + " was no longer pending");
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Transfer map(ResultSet rs, int row) throws SQLException {
        TransferRequest request = new TransferRequest(rs.getString("from_account"), rs.getString("to_account"),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getString("reference"));
        long gasUsed = rs.getLong("gas_used_minor");
        Long gasUsedOrNull = rs.wasNull() ? null : gasUsed;
        Timestamp settledAt = rs.getTimestamp("settled_at");
        return new Transfer(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("idempotency_key"),
                request, rs.getLong("gas_limit_minor"), gasUsedOrNull, TransferStatus.ofCode(rs.getString("status")),
                rs.getString("failure_reason"), rs.getInt("sequence"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("confirm_after").toInstant(), settledAt == null ? null : settledAt.toInstant());
    }
}
