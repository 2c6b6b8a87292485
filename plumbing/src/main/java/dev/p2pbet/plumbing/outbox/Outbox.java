package dev.p2pbet.plumbing.outbox;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an event to the outbox in the caller's transaction, so the event is published if and
 * only if the state change that caused it commits. Append after the guarded state change: the
 * row lock it takes orders the outbox ids of one aggregate as their transactions commit.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final AvroRecordSerializer serializer;
    private final int shards;
    private final TraceHeaders traceHeaders;

    public Outbox(JdbcClient jdbc, AvroRecordSerializer serializer, int shards, TraceHeaders traceHeaders) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.shards = shards;
        this.traceHeaders = traceHeaders;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, SpecificRecord event) {
        jdbc.sql("INSERT INTO outbox_record (topic, record_key, payload, shard, headers) VALUES (?, ?, ?, ?, ?)")
                .params(topic, key, serializer.serialize(topic, event), shardOf(key),
                        TraceHeaders.encode(traceHeaders.current()))
                .update();
    }

    int shardOf(String key) {
        return Math.floorMod(key.hashCode(), shards);
    }
}
