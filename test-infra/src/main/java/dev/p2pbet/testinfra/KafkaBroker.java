package dev.p2pbet.testinfra;

/** A running, real Kafka broker (embedded KRaft node or container). */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Stops the broker; idempotent. */
    @Override
    void close();
}
