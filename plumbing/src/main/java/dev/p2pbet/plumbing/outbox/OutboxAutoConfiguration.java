package dev.p2pbet.plumbing.outbox;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.plumbing.kafka.PlumbingKafkaAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox for every service with a database, and its relay. */
@AutoConfiguration(after = PlumbingKafkaAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"})
@ConditionalOnBean(JdbcClient.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxCommitSignal outboxCommitSignal() {
        return new OutboxCommitSignal();
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, AvroRecordSerializer serializer, OutboxProperties properties,
                  ObjectProvider<TraceHeaders> traceHeaders, OutboxCommitSignal commits) {
        return new Outbox(jdbc, serializer, properties.getShards(), traceHeaders.getIfAvailable(() -> TraceHeaders.NONE),
                commits);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class Tracing {

        @Bean
        @ConditionalOnBean({Tracer.class, Propagator.class})
        TraceHeaders traceHeaders(Tracer tracer, Propagator propagator) {
            return TraceHeaders.of(tracer, propagator);
        }
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> outboxProducer(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return new KafkaProducer<>(config);
    }

    @Bean
    @ConditionalOnProperty(name = "p2pbet.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                            Producer<String, byte[]> outboxProducer, OutboxProperties properties,
                            OutboxCommitSignal commits, MeterRegistry meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), outboxProducer, properties, commits,
                meters);
    }
}
