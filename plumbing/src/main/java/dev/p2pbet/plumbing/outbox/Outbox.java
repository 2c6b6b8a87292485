package dev.p2pbet.plumbing.outbox;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an event to the outbox in the caller's transaction, so the event is published if and
 * only if the state change that caused it commits. Append after the guarded state change: the
 * row lock it takes orders the outbox ids of one aggregate as their transactions commit.
 */
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox_record (topic, record_key, payload, shard, headers) VALUES (?, ?, ?, ?, ?)";
    private static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final AvroRecordSerializer serializer;
    private final int shards;
    private final TraceHeaders traceHeaders;

    public Outbox(JdbcTemplate jdbc, AvroRecordSerializer serializer, int shards, TraceHeaders traceHeaders) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.shards = shards;
        this.traceHeaders = traceHeaders;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, SpecificRecord event) {
        jdbc.update(INSERT, topic, key, serializer.serialize(topic, event), shardOf(key),
                TraceHeaders.encode(traceHeaders.current()));
    }

    /**
     * Appends many events of one topic with JDBC batches, in the given order: for set-based work
     * (a game's settlement commands thousands of transfers in one transaction).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(String topic, List<Entry> entries) {
        String headers = TraceHeaders.encode(traceHeaders.current());
        jdbc.batchUpdate(INSERT, entries, BATCH_SIZE, (statement, entry) -> {
            statement.setString(1, topic);
            statement.setString(2, entry.key());
            statement.setBytes(3, serializer.serialize(topic, entry.event()));
            statement.setInt(4, shardOf(entry.key()));
            statement.setString(5, headers);
        });
    }

    /** One event and its record key. */
    public record Entry(String key, SpecificRecord event) {
    }

    int shardOf(String key) {
        return Math.floorMod(key.hashCode(), shards);
    }
}
