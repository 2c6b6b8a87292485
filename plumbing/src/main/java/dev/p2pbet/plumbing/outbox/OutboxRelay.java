package dev.p2pbet.plumbing.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka with an idempotent producer, a batch per database
 * transaction: claim up to {@code batchSize} rows (skipping rows and key shards another replica
 * holds), send them in id order, wait for every acknowledgement, delete them, commit. A crash
 * before the commit leaves the rows in place and they are sent again: consumers deduplicate by
 * event id (inbox). No Kafka transaction per record (about 130 per second on our machines). After a batch smaller
 * than the batch size the relay waits for the next commit of this process that appended to the outbox
 * ({@link OutboxCommitSignal}), or at most the idle pause, which finds rows that other writers committed and grows
 * while it finds none ({@link RelayPacing}, {@link IdlePause}).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Advisory-lock namespace of the relay's key shards (first int of pg_try_advisory_xact_lock). */
    private static final int SHARD_LOCK_NAMESPACE = 0x0B0C_5E1A;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Producer<String, byte[]> producer;
    private final OutboxProperties properties;
    private final OutboxCommitSignal commits;
    private final Counter published;
    private final Timer batchTimer;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Producer<String, byte[]> producer,
                       OutboxProperties properties, OutboxCommitSignal commits, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producer = producer;
        this.properties = properties;
        this.commits = commits;
        this.published = Counter.builder("outbox.records.published")
                .description("Outbox records acknowledged by the broker").register(meters);
        this.batchTimer = Timer.builder("outbox.batch.duration")
                .description("Claim, send, acknowledge and delete of one outbox batch").register(meters);
    }

    /** Relays one batch; returns how many records it published. */
    public int relayBatch() {
        Integer count = transactions.execute(status -> batchTimer.record(this::claimSendAndDelete));
        published.increment(count == null ? 0 : count);
        return count == null ? 0 : count;
    }

    private int claimSendAndDelete() {
        // The claim runs thousands of times while the outbox is empty or nearly so; a plan cached then (the driver
        // prepares it on the server) scanned and sorted the whole table, so a backlog cost O(backlog) per batch and
        // took the advisory lock of every shard in it. Planned for each look, the claim walks the primary key and
        // stops at the batch size.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        List<OutboxRow> rows = jdbc.sql("""
                        SELECT id, topic, record_key, payload, headers FROM outbox_record
                        WHERE pg_try_advisory_xact_lock(?, shard)
                        ORDER BY id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""")
                .params(SHARD_LOCK_NAMESPACE, properties.getBatchSize())
                .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5)))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        send(rows);
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        jdbc.sql("DELETE FROM outbox_record WHERE id = ANY(?)").param(ids).update();
        return rows.size();
    }

    private void send(List<OutboxRow> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            TraceHeaders.decode(row.headers()).forEach((name, value) ->
                    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            acks.add(producer.send(record));
        }
        producer.flush();
        long deadline = System.nanoTime() + properties.getSendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxRelayException("interrupted while waiting for acknowledgements", e);
            } catch (Exception e) {
                throw new OutboxRelayException("broker did not acknowledge the batch", e);
            }
        }
    }

    private void loop() {
        log.info("Outbox relay started (batch {}, {} key shards)", properties.getBatchSize(), properties.getShards());
        RelayPacing pacing = new RelayPacing(new IdlePause(properties.getIdlePause(), properties.getMaxIdlePause()),
                properties.getBatchSize());
        // whether the coming look follows a commit signal or a full batch (true) or only the idle pause's end (false)
        boolean prompted = true;
        while (running) {
            try {
                Duration wait = pacing.afterLook(relayBatch(), prompted);
                prompted = wait.isZero() || awaitCommit(wait);
            } catch (RuntimeException e) {
                log.warn("Outbox batch failed, rows stay for the next attempt: {}", e.toString());
                pause(properties.getFailurePause().toMillis());
                prompted = true;
            }
        }
        log.info("Outbox relay stopped");
    }

    /** Whether a commit signal ended the wait. */
    private boolean awaitCommit(Duration pause) {
        try {
            return commits.awaitCommit(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return true;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(properties.getSendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record OutboxRow(long id, String topic, String key, byte[] payload, String headers) {
    }
}
