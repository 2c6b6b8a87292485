package dev.p2pbet.plumbing.outbox;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import java.util.List;
import java.util.Map;
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
    private final OutboxCommitSignal commits;

    public Outbox(JdbcTemplate jdbc, AvroRecordSerializer serializer, int shards, TraceHeaders traceHeaders,
                  OutboxCommitSignal commits) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.shards = shards;
        this.traceHeaders = traceHeaders;
        this.commits = commits;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, SpecificRecord event) {
        append(topic, key, event, null);
    }

    /**
     * Appends an event that continues the given trace (headers as {@link TraceHeaders#current()} gives them, e.g.
     * stored with the aggregate when an earlier event of it arrived) instead of the current one; {@code null} means
     * the current trace. For work done later, in another trace, on behalf of an aggregate whose trace should go on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, SpecificRecord event, Map<String, String> trace) {
        jdbc.update(INSERT, topic, key, serializer.serialize(topic, event), shardOf(key),
                TraceHeaders.encode(trace != null ? trace : traceHeaders.current()));
        commits.signalAfterCommit();
    }

    /**
     * Appends many events of one topic with JDBC batches, in the given order: for set-based work
     * (a game's settlement commands thousands of transfers in one transaction). An entry with its own
     * trace continues that trace; the others continue the current one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(String topic, List<Entry> entries) {
        String current = TraceHeaders.encode(traceHeaders.current());
        jdbc.batchUpdate(INSERT, entries, BATCH_SIZE, (statement, entry) -> {
            statement.setString(1, topic);
            statement.setString(2, entry.key());
            statement.setBytes(3, serializer.serialize(topic, entry.event()));
            statement.setInt(4, shardOf(entry.key()));
            statement.setString(5, entry.trace() != null ? TraceHeaders.encode(entry.trace()) : current);
        });
        commits.signalAfterCommit();
    }

    /** One event, its record key, and the trace it continues ({@code null}: the current one). */
    public record Entry(String key, SpecificRecord event, Map<String, String> trace) {

        public Entry(String key, SpecificRecord event) {
            this(key, event, null);
        }
    }

    int shardOf(String key) {
        return Math.floorMod(key.hashCode(), shards);
    }
}
