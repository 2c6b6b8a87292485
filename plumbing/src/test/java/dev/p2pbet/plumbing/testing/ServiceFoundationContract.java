package dev.p2pbet.plumbing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every service proves on the real infrastructure: Flyway built its tables, an event of
 * its own travels outbox -> Kafka (schema in the registry) -> a consumer, in the Confluent wire
 * format, and its probes and metrics answer. A service's test extends this and names its
 * tables, topic and event.
 */
public abstract class ServiceFoundationContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Flyway flyway;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    /** The service's own tables (DESIGN.md §2). */
    protected abstract List<String> ownTables();

    /** A topic the service publishes to. */
    protected abstract String ownTopic();

    /** An event of the service's own, keyed by {@code key}. */
    protected abstract SpecificRecord ownEvent(String key);

    @Test
    void flyway_migrated_the_service_tables_the_outbox_and_the_inbox() {
        assertThat(flyway.info().current()).isNotNull();
        assertThat(flyway.info().pending()).isEmpty();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).containsAll(ownTables()).contains("outbox_record", "inbox_record");
    }

    @Test
    void an_own_event_travels_through_the_outbox_and_kafka_in_the_confluent_wire_format() {
        RealInfrastructure infra = RealInfrastructure.shared();
        TopicProbe probe = new TopicProbe(infra.kafkaBootstrapServers(), infra.registryApiUrl(), infra.registryCcompatUrl());
        String key = UUID.randomUUID().toString();
        SpecificRecord event = ownEvent(key);

        transactions.executeWithoutResult(tx -> outbox.append(ownTopic(), key, event));

        ConsumerRecord<String, byte[]> record = probe.findByKey(ownTopic(), key, WAIT).orElseThrow();
        assertThat(record.value()[0]).as("Confluent magic byte").isZero();
        int schemaId = TopicProbe.schemaId(record.value());
        assertThat(probe.schemaById(schemaId)).contains(event.getSchema().getName());
        assertThat(probe.subjects()).contains(ownTopic() + "-value");
        assertThat(probe.<SpecificRecord>decode(ownTopic(), record.value())).isEqualTo(event);
    }

    @Test
    void readiness_includes_the_database_and_the_broker() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").contains("\"kafka\"").contains("\"status\":\"UP\"");
    }

    @Test
    void liveness_stands_apart_from_readiness() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("\"kafka\"").doesNotContain("\"db\"");
    }

    @Test
    void exposes_prometheus_metrics() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("outbox_records_published_total");
    }

    protected static dev.p2pbet.schemas.common.Money usd(long minor) {
        return dev.p2pbet.schemas.common.Money.newBuilder().setAmountMinor(minor).setCurrency("USD").build();
    }

    protected static java.time.Instant now() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
