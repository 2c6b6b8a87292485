package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.plumbing.testing.PoisonRecords;
import dev.p2pbet.plumbing.testing.SampleEvents;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@PlumbingIntegrationTest
class DeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DLT = Topics.BET_EVENTS + ".DLT";

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PlumbingTestApplication.RecordingListener listener;

    private final TopicProbe probe = PlumbingIntegrationTest.Probe.topics();

    @Test
    void moves_a_record_that_cannot_be_deserialized_to_the_dlt_byte_for_byte() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.BET_EVENTS, key, garbage)).get();
        }

        ConsumerRecord<String, byte[]> dead = probe.findByKey(DLT, key, WAIT).orElseThrow();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        assertThat(PoisonRecords.reason(dead)).isEqualTo("undeserializable");
    }

    @Test
    void moves_a_record_that_breaks_a_business_rule_to_the_dlt_with_the_reason() {
        String poison = PlumbingTestApplication.POISON_BET;
        transactions.executeWithoutResult(tx -> outbox.append(Topics.BET_EVENTS, poison, SampleEvents.betOpened(poison)));

        ConsumerRecord<String, byte[]> dead = probe.findByKey(DLT, poison, WAIT).orElseThrow();
        String reason = new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("breaks a rule");
        assertThat(TopicProbe.isConfluentFramed(dead.value())).isTrue();
        assertThat(PoisonRecords.reason(dead)).isEqualTo("business-rule");
    }

    @Test
    void keeps_consuming_the_partition_after_a_poison_record() {
        String poison = PlumbingTestApplication.POISON_BET;
        String healthy = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> {
            outbox.append(Topics.BET_EVENTS, poison, SampleEvents.betOpened(poison));
            outbox.append(Topics.BET_EVENTS, healthy, SampleEvents.betOpened(healthy));
        });

        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                listener.received.stream().anyMatch(event -> healthy.equals(event.getBetId())));
    }
}
