package dev.p2pbet.plumbing.ops;

import dev.p2pbet.plumbing.kafka.DeadLetterReason;
import dev.p2pbet.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts the records of {@code <topic>.DLT} back on {@code <topic>}, byte for byte (key, value and
 * the original headers; the {@code kafka_dlt-*} error headers and our reason header stay behind).
 *
 * <p>Exactly once per DLT record: the copies and the replayer's consumer-group offsets are written in
 * one Kafka transaction, so a second run (or a run after a crash) replays only what arrived since.
 * Consumers also deduplicate by event id, so even a copy seen twice changes nothing.
 *
 * <p>Records dead-lettered as {@code undeserializable} or {@code wrong-schema} are not replayed: the
 * same bytes would only fail again. They are reported (partition, offset, key) and passed over; the
 * operator publishes a corrected event instead (see docs/runbook.md, "A record went to a DLT").
 */
public final class DltReplayer {

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int EMPTY_POLLS_TO_STOP = 4;

    private final String bootstrapServers;
    private final Consumer<String> reporter;

    /** Reports the records it passes over on standard error. */
    public DltReplayer(String bootstrapServers) {
        this(bootstrapServers, System.err::println);
    }

    public DltReplayer(String bootstrapServers, Consumer<String> reporter) {
        this.bootstrapServers = bootstrapServers;
        this.reporter = reporter;
    }

    /** What one run did. */
    public record Report(int replayed, List<String> skipped) {
    }

    /** Replays what the DLT holds now; returns how many records went back. */
    public int replay(String topic) throws Exception {
        return replayReporting(topic).replayed();
    }

    /** Replays what the DLT holds now; says what went back and what was passed over. */
    public Report replayReporting(String topic) {
        String dlt = topic + TopicSpec.DLT_SUFFIX;
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-replay-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dlt-replay-" + topic);
        int replayed = 0;
        List<String> skipped = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(dlt));
            int emptyPolls = 0;
            while (emptyPolls < EMPTY_POLLS_TO_STOP) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                emptyPolls = 0;
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                List<String> skippedNow = new ArrayList<>();
                int replayedNow = 0;
                producer.beginTransaction();
                try {
                    for (ConsumerRecord<byte[], byte[]> dead : records) {
                        next.put(new TopicPartition(dead.topic(), dead.partition()),
                                new OffsetAndMetadata(dead.offset() + 1));
                        Optional<DeadLetterReason> reason = DeadLetterReason.of(dead.headers());
                        if (reason.isPresent() && !reason.get().replayable()) {
                            skippedNow.add(describe(dead, reason.get()));
                            continue;
                        }
                        producer.send(copy(topic, dead));
                        replayedNow++;
                    }
                    producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
                    producer.commitTransaction();
                } catch (RuntimeException e) {
                    producer.abortTransaction();
                    throw e;
                }
                replayed += replayedNow;
                skipped.addAll(skippedNow);
                skippedNow.forEach(line -> reporter.accept("not replayed: " + line));
            }
        }
        return new Report(replayed, List.copyOf(skipped));
    }

    private static ProducerRecord<byte[], byte[]> copy(String topic, ConsumerRecord<byte[], byte[]> dead) {
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().equals(DeadLetterReason.HEADER)) {
                copy.headers().add(header);
            }
        }
        return copy;
    }

    private static String describe(ConsumerRecord<byte[], byte[]> dead, DeadLetterReason reason) {
        String key = dead.key() == null ? "(no key)" : new String(dead.key(), java.nio.charset.StandardCharsets.UTF_8);
        return dead.topic() + "-" + dead.partition() + "@" + dead.offset() + " key " + key + ": " + reason.word();
    }
}
