package dev.p2pbet.walletsim.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook events and their deliveries: the provider's outbox. */
@Repository
public class WebhookDeliveries {

    /** A delivery claimed for sending. */
    record Claimed(long id, UUID eventId, String type, int attempt, String payload) {
    }

    /** A delivery as the sandbox shows it. */
    public record DeliveryView(UUID eventId, String type, UUID transferId, Long deliveryId, String status,
                               Integer attempts, Instant nextAttemptAt, Instant deliveredAt, String lastError) {
    }

    /** A webhook event to store. */
    record NewEvent(UUID id, UUID transferId, String type, String payload, Instant createdAt) {
    }

    /** A delivery of an event to store. */
    record NewDelivery(UUID eventId, String status, Instant nextAttemptAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    WebhookDeliveries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Stores events, then their deliveries, each kind in one round trip (a JDBC batch). */
    void insert(List<NewEvent> events, List<NewDelivery> deliveries) {
        if (!events.isEmpty()) {
            batch.batchUpdate("INSERT INTO webhook_events (id, transfer_id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                    events.stream().map(e -> new Object[] {e.id(), e.transferId(), e.type(), e.payload(),
                            Timestamp.from(e.createdAt())}).toList());
        }
        if (!deliveries.isEmpty()) {
            batch.batchUpdate("INSERT INTO webhook_deliveries (event_id, status, next_attempt_at) VALUES (?, ?, ?)",
                    deliveries.stream().map(d -> new Object[] {d.eventId(), d.status(), Timestamp.from(d.nextAttemptAt())})
                            .toList());
        }
    }

    /**
     * Claims due deliveries: their next attempt moves a lease ahead, so a sender that dies mid-flight leaves them
     * to be retried after the lease, and concurrent dispatchers skip them.
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = ?
                FROM webhook_events e
                WHERE e.id = d.event_id AND d.id IN (
                    SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.event_id, e.type, d.attempts, e.payload""")
                .params(Timestamp.from(leaseUntil), Timestamp.from(now), limit)
                .query((rs, row) -> new Claimed(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("type"), rs.getInt("attempts"), rs.getString("payload")))
                .list();
    }

    void delivered(long id, Instant at) {
        jdbc.sql("UPDATE webhook_deliveries SET status = 'delivered', delivered_at = ?, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void retryAt(long id, Instant next, String error) {
        jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(next), error, id).update();
    }

    void abandon(long id, String error) {
        jdbc.sql("UPDATE webhook_deliveries SET status = 'abandoned', last_error = ? WHERE id = ?").params(error, id).update();
    }

    public List<DeliveryView> forTransfer(UUID transferId) {
        return jdbc.sql("""
                SELECT e.id AS event_id, e.type, e.transfer_id, d.id AS delivery_id, d.status, d.attempts,
                       d.next_attempt_at, d.delivered_at, d.last_error
                FROM webhook_events e LEFT JOIN webhook_deliveries d ON d.event_id = e.id
                WHERE e.transfer_id = ? ORDER BY e.created_at, d.id""")
                .param(transferId)
                .query((rs, row) -> {
                    long deliveryId = rs.getLong("delivery_id");
                    boolean noDelivery = rs.wasNull();
                    Timestamp next = rs.getTimestamp("next_attempt_at");
                    Timestamp delivered = rs.getTimestamp("delivered_at");
                    return new DeliveryView(rs.getObject("event_id", UUID.class), rs.getString("type"),
                            rs.getObject("transfer_id", UUID.class), noDelivery ? null : deliveryId,
                            noDelivery ? "not_configured" : rs.getString("status"),
                            noDelivery ? null : rs.getInt("attempts"), next == null ? null : next.toInstant(),
                            delivered == null ? null : delivered.toInstant(), rs.getString("last_error"));
                })
                .list();
    }
}
