package dev.p2pbet.plumbing.ops;

import dev.p2pbet.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts the records of {@code <topic>.DLT} back on {@code <topic>}, byte for byte (key, value and
 * the original headers; the {@code kafka_dlt-*} error headers stay behind). Its consumer group
 * commits only after the broker acknowledged the copies, so running it again replays only what
 * arrived since; consumers are idempotent, so a record replayed twice changes nothing.
 */
public final class DltReplayer {

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;

    public DltReplayer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Replays what the DLT holds now; returns how many records went back. */
    public int replay(String topic) throws Exception {
        String dlt = topic + TopicSpec.DLT_SUFFIX;
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-replay-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(dlt));
            int emptyPolls = 0;
            while (emptyPolls < 4) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                emptyPolls = 0;
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> dead : records) {
                    ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, dead.key(), dead.value());
                    for (Header header : dead.headers()) {
                        if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                            copy.headers().add(header);
                        }
                    }
                    acks.add(producer.send(copy));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                consumer.commitSync();
                replayed += records.count();
            }
        }
        return replayed;
    }
}
