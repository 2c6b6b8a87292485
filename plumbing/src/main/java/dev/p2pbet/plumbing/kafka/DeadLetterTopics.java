package dev.p2pbet.plumbing.kafka;

import dev.p2pbet.schemas.topics.TopicSpec;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error handler of every listener: a poison record goes to {@code <topic>.DLT} (same
 * partition) after bounded retries, so it never blocks its partition; at once when it can never
 * succeed (undeserializable, wrong schema, business rule). The DLT record is the original, byte for
 * byte (see {@link OriginalBytesRecoverer}), with Spring Kafka's {@code kafka_dlt-*} headers and our
 * {@link DeadLetterReason#HEADER}. A failure of the infrastructure (the database is down) says
 * nothing about the record, nor does a schema registry that cannot be reached: it is retried with a growing pause for {@code transient-retry-for}
 * before it counts as exhausted, so a database restart does not empty a topic into its DLT.
 */
public final class DeadLetterTopics {

    private static final long TRANSIENT_MAX_INTERVAL_MS = 5_000;
    private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

    private DeadLetterTopics() {
    }

    public static DefaultErrorHandler errorHandler(Map<String, Object> producerProperties,
                                                   Map<String, Object> consumerProperties,
                                                   PlumbingKafkaProperties properties) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, template(producerProperties, ByteArraySerializer.class, Map.of()));
        templates.put(Object.class, template(producerProperties, AvroKafkaSerializer.class,
                AvroSerdeSettings.serializer(properties.getRegistryUrl(), properties.isAutoRegisterSchemas())));
        OriginalBytesRecoverer recoverer = new OriginalBytesRecoverer(templates,
                (record, exception) -> new TopicPartition(record.topic() + TopicSpec.DLT_SUFFIX, record.partition()),
                consumerProperties);
        recoverer.addHeadersFunction((record, exception) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(DeadLetterReason.HEADER, DeadLetterReason.of(exception).headerValue())}));
        long retries = Math.max(0, properties.getMaxAttempts() - 1L);
        FixedBackOff poisonBackOff = new FixedBackOff(properties.getRetryBackoff().toMillis(), retries);
        BackOff transientBackOff = transientBackOff(properties);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, poisonBackOff);
        handler.setBackOffFunction((record, exception) -> backOffFor(exception, transientBackOff));
        // bytes that failed to deserialize are dead-lettered at once by backOffFor, not by classification: the
        // classifier stops at the DeserializationException and would never see a registry outage behind it
        handler.removeClassification(DeserializationException.class);
        handler.addNotRetryableExceptions(NonRetryableEventException.class, WrongSchemaException.class);
        return handler;
    }

    /** Transient failures: the long back-off; undeserializable bytes: none at all; anything else: the poison back-off. */
    static BackOff backOffFor(Exception failure, BackOff transientBackOff) {
        if (isTransient(failure)) {
            return transientBackOff;
        }
        return DeadLetterReason.hasCause(failure, DeserializationException.class) ? NO_RETRIES : null;
    }

    /**
     * Whether the failure is the infrastructure's (database unreachable, pool exhausted, lock or
     * serialization conflict, schema registry unreachable), not the record's.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryUnavailableException
                    || cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (server shutting down). */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P"));
    }

    private static BackOff transientBackOff(PlumbingKafkaProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(Math.max(1, properties.getRetryBackoff().toMillis()), 2.0);
        backOff.setMaxInterval(Math.max(backOff.getInitialInterval(), TRANSIENT_MAX_INTERVAL_MS));
        backOff.setMaxElapsedTime(properties.getTransientRetryFor().toMillis());
        return backOff;
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
