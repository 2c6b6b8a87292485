package dev.p2pbet.plumbing.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;
import dev.p2pbet.testinfra.RealInfrastructure;
import dev.p2pbet.testinfra.RealInfrastructureExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructureExtension.class)
class TopicOpsIT {

    private final String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
    private Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    private static TopicSpec aTopic(int partitions, long retentionMs) {
        return new TopicSpec("ops-it-" + UUID.randomUUID(), "id", "dev.p2pbet.schemas.bet.BetEvent", partitions, 1,
                retentionMs, "delete", true);
    }

    @Test
    void applies_the_whole_catalogue_twice_with_no_change_the_second_time() throws Exception {
        TopicCatalogueApplier applier = new TopicCatalogueApplier(admin);
        List<TopicSpec> catalogue = TopicCatalogue.load().topicsWithDlts();

        applier.apply(catalogue);
        TopicCatalogueApplier.Report second = applier.apply(catalogue);

        assertThat(second.changedNothing()).as("second apply: %s", second.changes()).isTrue();
    }

    @Test
    void raises_partitions_and_fixes_configs_of_an_existing_topic() throws Exception {
        TopicSpec small = aTopic(2, 3_600_000);
        TopicCatalogueApplier applier = new TopicCatalogueApplier(admin);
        applier.apply(List.of(small));
        TopicSpec wanted = new TopicSpec(small.name(), "id", small.valueSchema(), 4, 1, TopicSpec.RETAIN_FOREVER, "delete", true);

        TopicCatalogueApplier.Report report = applier.apply(List.of(wanted));

        assertThat(report.changes()).anyMatch(change -> change.contains("raised")).anyMatch(change -> change.contains("retention.ms=-1"));
        assertThat(admin.describeTopics(List.of(small.name())).allTopicNames().get().get(small.name()).partitions()).hasSize(4);
    }

    @Test
    void never_lowers_a_partition_count_but_says_so() throws Exception {
        TopicSpec big = aTopic(4, 3_600_000);
        TopicCatalogueApplier applier = new TopicCatalogueApplier(admin);
        applier.apply(List.of(big));
        TopicSpec smaller = new TopicSpec(big.name(), "id", big.valueSchema(), 2, 1, 3_600_000, "delete", true);

        TopicCatalogueApplier.Report report = applier.apply(List.of(smaller));

        assertThat(report.changedNothing()).isTrue();
        assertThat(report.warnings()).singleElement().asString().contains("left as is");
    }

    @Test
    void replays_a_dlt_to_its_topic_without_the_error_headers_and_only_once() throws Exception {
        TopicSpec topic = aTopic(1, TopicSpec.RETAIN_FOREVER);
        new TopicCatalogueApplier(admin).apply(List.of(topic, topic.dltSpec()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> dead = new ProducerRecord<>(topic.dltName(), "bet-1", "the event");
            dead.headers().add(new RecordHeader("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8)));
            dead.headers().add(new RecordHeader("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8)));
            producer.send(dead).get();
        }
        DltReplayer replayer = new DltReplayer(bootstrap);

        assertThat(replayer.replay(topic.name())).isEqualTo(1);
        assertThat(replayer.replay(topic.name())).isZero();

        ConsumerRecord<String, String> back = readOne(topic.name());
        assertThat(back.key()).isEqualTo("bet-1");
        assertThat(back.value()).isEqualTo("the event");
        assertThat(back.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(back.headers().lastHeader("traceparent")).isNotNull();
    }

    @Test
    void measures_the_lag_of_a_consumer_group() throws Exception {
        TopicSpec topic = aTopic(1, TopicSpec.RETAIN_FOREVER);
        new TopicCatalogueApplier(admin).apply(List.of(topic));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic.name(), "k", "v" + i)).get();
            }
        }
        String group = "lagging-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.subscribe(List.of(topic.name()));
            consumer.poll(Duration.ofSeconds(5));
            consumer.seekToBeginning(consumer.assignment());
            consumer.position(consumer.assignment().iterator().next());
            consumer.commitSync(Map.of(consumer.assignment().iterator().next(),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(1)));
        }

        assertThat(new ConsumerLag(admin).measure())
                .contains(new ConsumerLag.Lag(group, topic.name(), 2));
    }

    private ConsumerRecord<String, String> readOne(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer("reader-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
            throw new AssertionError("nothing on " + topic);
        }
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", group,
                "auto.offset.reset", "earliest", "enable.auto.commit", false),
                new StringDeserializer(), new StringDeserializer());
    }
}
