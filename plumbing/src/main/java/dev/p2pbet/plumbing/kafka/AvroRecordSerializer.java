package dev.p2pbet.plumbing.kafka;

import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an event into the bytes a topic carries, registering its schema on first use. The
 * outbox stores these bytes, so the relay never needs to know the event types.
 *
 * <p>Apicurio's serializer writes the schema of every record out as JSON to look its id up by content, which made
 * it the dearest step of appending an event. So the id it resolved (the Confluent prefix: magic byte and 4-byte
 * id) is kept per topic and event type, and later records of that pair are encoded here, behind the same prefix.
 * The prefix is only kept after Apicurio's bytes for a record proved equal to this encoding of it, and it is asked
 * again after Apicurio's own cache period, so a schema registered anew is noticed as late as Apicurio notices it.
 */
public class AvroRecordSerializer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AvroRecordSerializer.class);
    private static final int CONFLUENT_PREFIX_LENGTH = 5;
    private static final long RECHECK_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(SerdeConfig.CHECK_PERIOD_MS_DEFAULT);

    private final AvroKafkaSerializer<SpecificRecord> registrySerializer = new AvroKafkaSerializer<>();
    private final ConcurrentMap<WriterKey, ResolvedWriter> writers = new ConcurrentHashMap<>();
    private final Set<WriterKey> unconfirmed = ConcurrentHashMap.newKeySet();

    public AvroRecordSerializer(PlumbingKafkaProperties properties) {
        registrySerializer.configure(
                AvroSerdeSettings.serializer(properties.getRegistryUrl(), properties.isAutoRegisterSchemas()), false);
    }

    public byte[] serialize(String topic, SpecificRecord value) {
        WriterKey key = new WriterKey(topic, value.getClass());
        long now = System.nanoTime();
        ResolvedWriter writer = writers.get(key);
        if (writer != null && now - writer.resolvedAt() < RECHECK_PERIOD_NANOS) {
            return writer.write(value);
        }
        byte[] resolved = registrySerializer.serialize(topic, value);
        ResolvedWriter confirmed = ResolvedWriter.confirmedBy(resolved, value, now);
        if (confirmed != null) {
            writers.put(key, confirmed);
        } else {
            writers.remove(key);
            if (unconfirmed.add(key)) {
                log.warn("Apicurio's bytes for {} on {} are not a Confluent prefix and the Avro binary encoding; "
                        + "every record of it goes through Apicurio", value.getSchema().getFullName(), topic);
            }
        }
        return resolved;
    }

    @Override
    public void close() {
        registrySerializer.close();
    }

    private record WriterKey(String topic, Class<?> type) {
    }

    /** The Confluent prefix Apicurio wrote for a topic and event type, and the writer of the bodies behind it. */
    private record ResolvedWriter(byte[] prefix, SpecificDatumWriter<SpecificRecord> body, long resolvedAt) {

        static ResolvedWriter confirmedBy(byte[] resolved, SpecificRecord value, long resolvedAt) {
            if (resolved.length < CONFLUENT_PREFIX_LENGTH || resolved[0] != 0) {
                return null;
            }
            ResolvedWriter writer = new ResolvedWriter(Arrays.copyOf(resolved, CONFLUENT_PREFIX_LENGTH),
                    new SpecificDatumWriter<>(value.getSchema(), SpecificData.getForClass(value.getClass())),
                    resolvedAt);
            try {
                return Arrays.equals(writer.write(value), resolved) ? writer : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        byte[] write(SpecificRecord value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.writeBytes(prefix);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            try {
                body.write(value, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode " + value.getSchema().getFullName(), e);
            }
            return out.toByteArray();
        }
    }
}
