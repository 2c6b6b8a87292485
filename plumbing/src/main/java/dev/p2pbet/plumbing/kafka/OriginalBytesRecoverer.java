package dev.p2pbet.plumbing.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Dead-letters the original bytes of a record that was deserialized, read back from its topic by
 * partition and offset, instead of the listener's copy re-serialized: a consumer built against an
 * older schema would drop the fields it does not know, and a replay would then put a poorer record
 * back. (Records that failed to deserialize already come with their bytes.) If the original cannot
 * be read back in time, the deserialized value is re-serialized as before.
 */
class OriginalBytesRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(OriginalBytesRecoverer.class);
    private static final Duration READ_BACK = Duration.ofSeconds(5);

    private final Map<String, Object> consumerConfig;
    private KafkaConsumer<byte[], byte[]> reader;

    OriginalBytesRecoverer(Map<Class<?>, KafkaOperations<?, ?>> templates,
                           BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
                           Map<String, Object> consumerProperties) {
        super(templates, destination);
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dlt-original-reader");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = config;
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
        byte[] original = value;
        if (original == null && record.value() != null && !(record.value() instanceof byte[])) {
            original = readOriginal(record);
        }
        return super.createProducerRecord(record, topicPartition, headers, key, original);
    }

    private synchronized byte[] readOriginal(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            if (reader == null) {
                reader = new KafkaConsumer<>(consumerConfig);
            }
            reader.assign(List.of(partition));
            reader.seek(partition, record.offset());
            long deadline = System.nanoTime() + READ_BACK.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> candidate : reader.poll(Duration.ofMillis(200))) {
                    if (candidate.offset() == record.offset()) {
                        return candidate.value();
                    }
                }
            }
            log.warn("Could not read back {}@{} in {}: dead-lettering it re-serialized", partition, record.offset(),
                    READ_BACK);
        } catch (RuntimeException e) {
            log.warn("Could not read back {}@{}: dead-lettering it re-serialized", partition, record.offset(), e);
            closeReader();
        }
        return null;
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // a broken reader is replaced by a new one on the next dead letter
            }
            reader = null;
        }
    }
}
