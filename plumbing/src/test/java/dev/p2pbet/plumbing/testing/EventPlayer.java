package dev.p2pbet.plumbing.testing;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays another service's events on the real topics, serialized exactly as that service's
 * outbox would (same serializer, same registry), so a consumer is tested against what producers
 * really emit.
 */
public final class EventPlayer implements AutoCloseable {

    private final AvroRecordSerializer serializer;
    private final KafkaProducer<String, byte[]> producer;

    public EventPlayer(AvroRecordSerializer serializer) {
        this.serializer = serializer;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, event))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting; {@link #flush()} waits for every acknowledgement. */
    public void sendAsync(String topic, String key, SpecificRecord event) {
        producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, event)));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
