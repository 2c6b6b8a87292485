package dev.p2pbet.testinfra.containers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.p2pbet.testinfra.KafkaBroker;
import dev.p2pbet.testinfra.support.BuildInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Kafka broker (KRaft, the official {@code apache/kafka} image of the project's Kafka version) in a
 * container started by Testcontainers. Needs a Docker engine. The host port is chosen by Docker.
 */
public final class KafkaContainerBroker implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaContainerBroker.class);

    private final KafkaContainer container;
    private boolean closed;

    private KafkaContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    /** {@code apache/kafka:<kafka.version>}; {@code -Dp2pbet.infra.kafka-image=...} overrides it. */
    public static String image() {
        return System.getProperty("p2pbet.infra.kafka-image", "apache/kafka:" + BuildInfo.kafkaVersion());
    }

    public static KafkaContainerBroker start() {
        long started = System.nanoTime();
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image())
                .asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withStartupTimeout(Duration.ofMinutes(2));
        container.start();
        KafkaContainerBroker broker = new KafkaContainerBroker(container);
        log.info("Real Kafka broker (KRaft, container {}) up at {} in {} ms", image(), broker.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    public KafkaContainer container() {
        return container;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            container.stop();
        }
    }
}
