package dev.p2pbet.plumbing.testing;

import dev.p2pbet.plumbing.kafka.AvroSerdeSettings;
import dev.p2pbet.plumbing.kafka.DeadLetterReason;
import dev.p2pbet.schemas.topics.TopicSpec;
import dev.p2pbet.testinfra.RealInfrastructure;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Poison for a running consumer: bytes no deserializer can read, valid Avro records of the wrong
 * type, and any raw record put on an exact partition (a poison record and the good record after it on
 * the same partition show whether the partition is blocked). Reads DLTs and consumer-group offsets.
 */
public final class PoisonRecords implements AutoCloseable {

    /** The three kinds of undeserializable bytes: not Avro at all, a wrong magic byte, an unknown schema id. */
    public static final Map<String, byte[]> UNDESERIALIZABLE = Map.of(
            "garbage", "not avro at all".getBytes(StandardCharsets.UTF_8),
            "wrong-magic-byte", new byte[] {7, 0, 0, 0, 1, 2, 4, 6},
            "unknown-schema-id", new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x0f, 2, 4, 6});

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroKafkaSerializer<SpecificRecord> avro = new AvroKafkaSerializer<>();

    public PoisonRecords(String bootstrapServers, String registryApiUrl) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        avro.configure(AvroSerdeSettings.serializer(registryApiUrl, true), false);
    }

    public static PoisonRecords onRealInfrastructure() {
        RealInfrastructure infra = RealInfrastructure.shared();
        return new PoisonRecords(infra.kafkaBootstrapServers(), infra.registryApiUrl());
    }

    /** The bytes {@code value} has on its own topic {@code homeTopic} (its schema id is registered there). */
    public byte[] avro(String homeTopic, SpecificRecord value) {
        return avro.serialize(homeTopic, value);
    }

    /** The partition the default partitioner gives {@code key}, so a poison record can be put before it. */
    public int partitionOf(String topic, String key) {
        int partitions = producer.partitionsFor(topic).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Sends and waits for the broker; returns the record's offset. */
    public long send(String topic, int partition, String key, byte[] value) {
        try {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
            return metadata.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Sends to the key's own partition. */
    public long send(String topic, String key, byte[] value) {
        return send(topic, partitionOf(topic, key), key, value);
    }

    /**
     * The records of {@code <topic>.DLT} whose key matches, read from the beginning until {@code expected}
     * arrived, then a second more to see an extra one.
     */
    public List<ConsumerRecord<String, byte[]>> deadLetters(String topic, Predicate<String> key, int expected,
                                                           Duration timeout) {
        String dlt = topic + TopicSpec.DLT_SUFFIX;
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(info -> new TopicPartition(dlt, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.test(record.key())) {
                        found.add(record);
                    }
                }
                if (found.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return found;
    }

    /** Our reason header of a DLT record, or null. */
    public static String reason(ConsumerRecord<?, ?> dead) {
        return DeadLetterReason.of(dead.headers()).map(DeadLetterReason::word).orElse(null);
    }

    /** A {@code kafka_dlt-*} header of a DLT record as text, or null. */
    public static String springHeader(ConsumerRecord<?, ?> dead, String name) {
        return Optional.ofNullable(dead.headers().lastHeader(name))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    /** The offset a consumer group will read next on a partition (-1 when it committed none). */
    public long committedOffset(String groupId, String topic, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, partition));
            return committed == null ? -1 : committed.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
        avro.close();
    }
}
