package dev.p2pbet.systemtests.clients;

import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the platform's topics as an outside tool would (raw bytes, decoded with the schema the registry holds
 * for the id in them): every record from the beginning up to the end the topic has when the read starts.
 */
public final class TopicRecords {

    public static final String BET_EVENTS = "bet.events";
    public static final String TRANSFER_COMMANDS = "wallet.transfer-commands";
    public static final String TRANSFER_EVENTS = "wallet.transfer-events";
    public static final String SETTLEMENT_EVENTS = "settlement.events";

    /** One record: its key, decoded value and headers (text). */
    public record Recorded(String topic, String key, Object value, Map<String, String> headers) {

        public String traceparent() {
            return headers.get("traceparent");
        }
    }

    private final String bootstrapServers;
    private final TopicProbe probe;

    public TopicRecords(SystemUnderTest sut) {
        this.bootstrapServers = sut.kafkaBootstrapServers();
        this.probe = new TopicProbe(sut.kafkaBootstrapServers(), sut.registryApiUrl(), sut.registryCcompatUrl());
    }

    /** Every record of {@code topic} whose key matches, in order per partition. */
    public List<Recorded> read(String topic, Predicate<String> key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Recorded> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end + " in 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.test(record.key()) && record.value() != null) {
                        records.add(new Recorded(topic, record.key(), probe.decode(topic, record.value()),
                                headers(record)));
                    }
                }
            }
        }
        return records;
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(),
                    header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
