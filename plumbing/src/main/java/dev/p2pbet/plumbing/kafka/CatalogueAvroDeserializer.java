package dev.p2pbet.plumbing.kafka;

import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The Apicurio Avro deserializer, plus a check that a record of a catalogue topic is of the type the
 * topic carries. A valid record of another schema (a GameEvent on bet.events) would otherwise only
 * fail inside the listener, after the original bytes are gone; failing here lets the
 * {@code ErrorHandlingDeserializer} keep them, so the DLT gets the record byte for byte. Topics
 * outside the catalogue are not checked. A schema the registry could not be asked for (it is down)
 * is a {@link SchemaRegistryUnavailableException}, which is retried, not dead-lettered.
 */
public class CatalogueAvroDeserializer implements Deserializer<Object> {

    private final AvroKafkaDeserializer<Object> avro = new AvroKafkaDeserializer<>();
    private final Map<String, String> valueSchemaByTopic = TopicCatalogue.load().topics().stream()
            .collect(Collectors.toUnmodifiableMap(TopicSpec::name, TopicSpec::valueSchema));

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        avro.configure(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return checked(topic, withRegistry(topic, () -> avro.deserialize(topic, data)));
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return checked(topic, withRegistry(topic, () -> avro.deserialize(topic, headers, data)));
    }

    private static Object withRegistry(String topic, Supplier<Object> deserialization) {
        try {
            return deserialization.get();
        } catch (RuntimeException failure) {
            RestClientException registryFailure = registryFailure(failure);
            if (registryFailure != null && registryUnavailable(registryFailure.getError())) {
                throw new SchemaRegistryUnavailableException(topic, describe(registryFailure.getError()));
            }
            throw failure;
        }
    }

    private static RestClientException registryFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof RestClientException registry) {
                return registry;
            }
        }
        return null;
    }

    /**
     * No HTTP answer at all (the client reports the connection failure's name without a status), a
     * server error or throttling. A 404 for a schema id is the record's fault: it stays undeserializable.
     */
    static boolean registryUnavailable(Error error) {
        Integer status = error == null ? null : error.getErrorCode();
        return status == null || status >= 500 || status == 429;
    }

    private static String describe(Error error) {
        return error == null ? "no answer"
                : (error.getErrorCode() == null ? "no answer" : "HTTP " + error.getErrorCode()) + " (" + error.getName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")";
    }

    private Object checked(String topic, Object value) {
        String expected = valueSchemaByTopic.get(topic);
        if (value == null || expected == null) {
            return value;
        }
        String actual = value instanceof GenericContainer record ? record.getSchema().getFullName()
                : value.getClass().getName();
        if (!expected.equals(actual)) {
            throw new WrongSchemaException(topic, expected, actual);
        }
        return value;
    }

    @Override
    public void close() {
        avro.close();
    }
}
