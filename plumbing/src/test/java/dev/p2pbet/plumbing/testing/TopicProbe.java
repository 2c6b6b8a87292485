package dev.p2pbet.plumbing.testing;

import dev.p2pbet.plumbing.kafka.AvroSerdeSettings;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic as an outside tool would: raw bytes, the Confluent framing checked by hand, the
 * schema fetched from the registry's Confluent-compatible API by the id in the bytes.
 */
public final class TopicProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String bootstrapServers;
    private final String registryApiUrl;
    private final String ccompatUrl;
    private AvroKafkaDeserializer<Object> deserializer;

    public TopicProbe(String bootstrapServers, String registryApiUrl, String ccompatUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryApiUrl = registryApiUrl;
        this.ccompatUrl = ccompatUrl;
    }

    /** A probe on the JVM's shared real infrastructure (test-infra). */
    public static TopicProbe onRealInfrastructure() {
        dev.p2pbet.testinfra.RealInfrastructure infra = dev.p2pbet.testinfra.RealInfrastructure.shared();
        return new TopicProbe(infra.kafkaBootstrapServers(), infra.registryApiUrl(), infra.registryCcompatUrl());
    }

    /**
     * The decoded values of {@code topic} whose key matches, in order per partition: read from the
     * beginning of every partition until {@code expected} have arrived, then half a second more to
     * catch an extra one (a test of "exactly once" must see a duplicate if there is one).
     */
    public <T> java.util.List<T> decodedWhere(String topic, Predicate<String> key, int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        java.util.List<T> records = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            java.util.List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && key.test(record.key())) {
                        records.add(decode(topic, record.value()));
                    }
                }
                if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
            }
        }
        return records;
    }

    /** The first record of {@code topic} that matches, read from the beginning by a fresh consumer group. */
    public Optional<ConsumerRecord<String, byte[]>> find(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                         Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(java.util.List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    public Optional<ConsumerRecord<String, byte[]>> findByKey(String topic, String key, Duration timeout) {
        return find(topic, record -> key.equals(record.key()), timeout);
    }

    /** Byte 0 is the magic byte 0; bytes 1-4 the big-endian schema id. */
    public static boolean isConfluentFramed(byte[] value) {
        return value != null && value.length > 5 && value[0] == 0;
    }

    public static int schemaId(byte[] value) {
        return ByteBuffer.wrap(value, 1, 4).getInt();
    }

    /** The schema JSON the registry's Confluent-compatible API serves for an id. */
    public String schemaById(int id) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(ccompatUrl + "/schemas/ids/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("registry answered " + response.statusCode() + " for schema " + id);
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every subject the registry knows, as its Confluent-compatible API lists them. */
    public String subjects() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(ccompatUrl + "/subjects")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Decodes a value with the generated class, as our consumers do. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T decode(String topic, byte[] value) {
        if (deserializer == null) {
            deserializer = new AvroKafkaDeserializer<>();
            deserializer.configure(AvroSerdeSettings.deserializer(registryApiUrl), false);
        }
        return (T) deserializer.deserialize(topic, value);
    }
}
