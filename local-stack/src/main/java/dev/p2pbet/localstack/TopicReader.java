package dev.p2pbet.localstack;

import dev.p2pbet.plumbing.kafka.AvroSerdeSettings;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints a topic of the running local stack from the beginning, each value decoded with the
 * schema the registry holds for the id in its bytes (as any Confluent-compatible tool would).
 */
final class TopicReader {

    private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);

    private TopicReader() {
    }

    static void print(List<String> args) {
        if (args.isEmpty()) {
            Platform.fail(Platform.USAGE);
        }
        String topic = args.get(0);
        String key = args.size() > 1 ? args.get(1) : null;
        String registry = Platform.registryUrl();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-topic-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>();
        values.configure(AvroSerdeSettings.deserializer(registry), false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            int printed = 0;
            while (System.nanoTime() - quietSince < QUIET_PERIOD.toNanos()) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(250))) {
                    quietSince = System.nanoTime();
                    if (key == null || key.equals(record.key())) {
                        System.out.printf("%s[%d]@%d key=%s%s%n%s%n", record.topic(), record.partition(), record.offset(),
                                record.key(), traceparent(record), record.value());
                        printed++;
                    }
                }
            }
            System.err.printf("%d record(s) of %s%s%n", printed, topic, key == null ? "" : " with key " + key);
        }
    }

    /** The record's trace, so one bet can be followed across services (see the runbook). */
    private static String traceparent(ConsumerRecord<String, Object> record) {
        var header = record.headers().lastHeader("traceparent");
        return header == null ? "" : " traceparent=" + new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
