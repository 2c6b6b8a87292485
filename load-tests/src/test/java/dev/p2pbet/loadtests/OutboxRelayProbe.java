package dev.p2pbet.loadtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The bet service's outbox relay, measured with rows of its own: a topic nobody consumes, created with broker append
 * timestamps, rows written straight into the bet database's outbox with their write time (the database's clock) in a
 * header. Relay rate = a backlog of rows / (last broker append - first broker append), the rate at which the relay
 * works through it; commit -> ack lag per row of a trickle. Rows written with SQL wake no relay (only the service's
 * own commits do), so the backlog's first row waits for the relay's idle pause: reported apart, as the wait from the
 * backlog's commit to its first append, with the rate counted from the commit.
 */
final class OutboxRelayProbe {

    static final String TOPIC = "load-tests.relay-probe";
    private static final String HEADER = "lt-committed-ms";

    /**
     * @param rowsPerSecond       the backlog / (last append - first append)
     * @param firstAppendMs       the backlog's commit -> its first row appended
     * @param fromCommitPerSecond the backlog / (last append - the backlog's commit)
     */
    record Result(long rows, double rowsPerSecond, long firstAppendMs, double fromCommitPerSecond,
                  Sql.Percentiles lagMs) {
    }

    private final Sql betDatabase;
    private final String bootstrapServers;

    OutboxRelayProbe(Sql betDatabase, String bootstrapServers) {
        this.betDatabase = betDatabase;
        this.bootstrapServers = bootstrapServers;
    }

    Result run(int backlogRows, int trickleRows) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 8, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC, e);
            }
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            String run = UUID.randomUUID().toString();
            betDatabase.execute("""
                    INSERT INTO outbox_record (topic, record_key, payload, headers, shard)
                    SELECT '%s', '%s-' || i, decode(repeat('ab', 180), 'hex'),
                           '%s=' || (extract(epoch FROM clock_timestamp()) * 1000)::bigint || E'\\nlt-phase=backlog', i %% 64
                    FROM generate_series(1, %d) i""".formatted(TOPIC, run, HEADER, backlogRows));
            long committed = betDatabase.number("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint")
                    .longValue();
            List<long[]> backlog = read(consumer, backlogRows);
            long firstAppend = backlog.stream().mapToLong(r -> r[1]).min().orElseThrow();
            long lastAppend = backlog.stream().mapToLong(r -> r[1]).max().orElseThrow();
            double rate = backlogRows * 1000.0 / Math.max(1, lastAppend - firstAppend);
            double fromCommit = backlogRows * 1000.0 / Math.max(1, lastAppend - committed);
            // one row first, relayed before the trickle starts: the relay then looks at its shortest pause, and the
            // trickle measures commit -> append, not the wait after an idle spell (the backlog's first append shows that)
            insertRow(run + "-warm", 0);
            read(consumer, 1);
            for (int i = 0; i < trickleRows; i++) {
                insertRow(run + "-t" + i, i % 64);
                Waits.sleep(Duration.ofMillis(10));
            }
            List<long[]> trickle = read(consumer, trickleRows);
            return new Result(backlogRows, rate, firstAppend - committed, fromCommit, Sql.Percentiles.ofSorted(trickle.stream().mapToDouble(r -> r[1] - r[0]).sorted().toArray()));
        }
    }

    private void insertRow(String key, int shard) {
        betDatabase.execute("""
                INSERT INTO outbox_record (topic, record_key, payload, headers, shard)
                VALUES ('%s', '%s', decode(repeat('ab', 180), 'hex'),
                        '%s=' || (extract(epoch FROM clock_timestamp()) * 1000)::bigint, %d)"""
                .formatted(TOPIC, key, HEADER, shard));
    }

    /** [commit ms, broker append ms] of {@code expected} records. */
    private static List<long[]> read(KafkaConsumer<byte[], byte[]> consumer, int expected) {
        List<long[]> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (seen.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay published " + seen.size() + " of " + expected + " probe rows");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                Header committed = record.headers().lastHeader(HEADER);
                if (committed != null) {
                    seen.add(new long[] {Long.parseLong(new String(committed.value())), record.timestamp()});
                }
            }
        }
        return seen;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
