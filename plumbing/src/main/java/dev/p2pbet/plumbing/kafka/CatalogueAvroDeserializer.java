package dev.p2pbet.plumbing.kafka;

import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The Apicurio Avro deserializer, plus a check that a record of a catalogue topic is of the type the
 * topic carries. A valid record of another schema (a GameEvent on bet.events) would otherwise only
 * fail inside the listener, after the original bytes are gone; failing here lets the
 * {@code ErrorHandlingDeserializer} keep them, so the DLT gets the record byte for byte. Topics
 * outside the catalogue are not checked.
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
        return checked(topic, avro.deserialize(topic, data));
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return checked(topic, avro.deserialize(topic, headers, data));
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
