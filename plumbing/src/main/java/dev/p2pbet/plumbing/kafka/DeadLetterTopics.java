package dev.p2pbet.plumbing.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.p2pbet.schemas.topics.TopicSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Bounded retries, then {@code <topic>.DLT} with the error in the record's headers (Spring
 * Kafka's {@code kafka_dlt-*} headers), so a poison record never blocks its partition.
 * Records that could not be deserialized are copied there byte for byte; the others are
 * re-serialized with the same schema.
 */
public final class DeadLetterTopics {


    private DeadLetterTopics() {
    }

    public static DefaultErrorHandler errorHandler(Map<String, Object> producerProperties,
                                                   PlumbingKafkaProperties properties) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, template(producerProperties, ByteArraySerializer.class, Map.of()));
        templates.put(Object.class, template(producerProperties, AvroKafkaSerializer.class,
                AvroSerdeSettings.serializer(properties.getRegistryUrl(), properties.isAutoRegisterSchemas())));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(record.topic() + TopicSpec.DLT_SUFFIX, record.partition()));
        long retries = Math.max(0, properties.getMaxAttempts() - 1L);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(properties.getRetryBackoff().toMillis(), retries));
        handler.addNotRetryableExceptions(NonRetryableEventException.class, DeserializationException.class);
        return handler;
    }

    private static KafkaTemplate<Object, Object> template(Map<String, Object> producerProperties,
                                                          Class<?> valueSerializer,
                                                          Map<String, Object> serdeSettings) {
        Map<String, Object> config = new LinkedHashMap<>(producerProperties);
        config.putAll(serdeSettings);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dlt-" + valueSerializer.getSimpleName());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
