package dev.p2pbet.plumbing.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns an event into the bytes a topic carries, registering its schema on first use. The
 * outbox stores these bytes, so the relay never needs to know the event types.
 */
public class AvroRecordSerializer implements AutoCloseable {

    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();

    public AvroRecordSerializer(PlumbingKafkaProperties properties) {
        serializer.configure(
                AvroSerdeSettings.serializer(properties.getRegistryUrl(), properties.isAutoRegisterSchemas()), false);
    }

    public byte[] serialize(String topic, SpecificRecord value) {
        return serializer.serialize(topic, value);
    }

    @Override
    public void close() {
        serializer.close();
    }
}
