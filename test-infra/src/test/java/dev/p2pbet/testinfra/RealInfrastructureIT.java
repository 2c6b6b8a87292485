package dev.p2pbet.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared servers are real: records go through the broker, SQL runs, schemas are stored and served. */
@ExtendWith(RealInfrastructureExtension.class)
class RealInfrastructureIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void kafkaRoundTripsARecordThroughTheBroker(RealInfrastructure infra) throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(infra, Map.of())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "bet-1", "hello")).get();
            assertThat(written.offset()).isZero();
        }
        List<ConsumerRecord<String, String>> records = consume(infra, topic, "read_uncommitted", 1);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("bet-1");
            assertThat(record.value()).isEqualTo("hello");
        });
    }

    @Test
    void kafkaTransactionsCommitThroughTheTransactionCoordinator(RealInfrastructure infra) throws Exception {
        String topic = "tx-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(infra,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
            producer.commitTransaction();
        }
        List<ConsumerRecord<String, String>> records = consume(infra, topic, "read_committed", 2);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("committed-1", "committed-2");
    }

    @Test
    void postgresRunsSqlInEachServiceDatabase(RealInfrastructure infra) throws Exception {
        for (String database : List.of("bet", "wallet_gateway", "settlement", "stats", "wallet_simulator")) {
            String url = infra.jdbcUrl(database);
            assertThat(url).endsWith("/" + database);
            try (Connection connection = DriverManager.getConnection(url, infra.dbUsername(), infra.dbPassword());
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE IF NOT EXISTS probe (id BIGSERIAL PRIMARY KEY, note TEXT NOT NULL)");
                sql.execute("INSERT INTO probe (note) VALUES ('" + database + "')");
                try (ResultSet rs = sql.executeQuery(
                        "SELECT current_database(), current_setting('server_version_num')::int, count(*) FROM probe")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(database);
                    assertThat(rs.getInt(2) / 10000).isGreaterThanOrEqualTo(17);
                    assertThat(rs.getLong(3)).isPositive();
                }
            }
        }
    }

    @Test
    void creatingADatabaseIsIdempotentAndThreadSafe(RealInfrastructure infra) throws Exception {
        String database = "concurrent_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> infra.jdbcUrl(database));
            }
            Set<String> urls = new HashSet<>();
            for (Future<String> future : pool.invokeAll(calls)) {
                urls.add(future.get());
            }
            assertThat(urls).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.dbUsername(), infra.dbPassword());
             Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void registryStoresAnAvroSchemaAndServesItThroughTheConfluentCompatibleApi(RealInfrastructure infra) throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"dev.p2pbet.test\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
        HttpResponse<String> registered = post(infra.registryCcompatUrl() + "/subjects/test-value/versions",
                "{\"schema\":" + json(schema) + "}");
        assertThat(registered.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(registered.body());
        assertThat(id.find()).as(registered.body()).isTrue();

        HttpResponse<String> read = get(infra.registryCcompatUrl() + "/schemas/ids/" + id.group(1));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"schema\":" + json(schema));

        HttpResponse<String> subjects = get(infra.registryCcompatUrl() + "/subjects");
        assertThat(subjects.body()).contains("\"test-value\"");
        // The same artifact through Apicurio's core API (what the serdes use).
        assertThat(get(infra.registryApiUrl() + "/groups/default/artifacts/test-value").body()).contains("Probe");
    }

    @Test
    void registryRejectsChangesThatAreNotBackwardCompatible(RealInfrastructure infra) throws Exception {
        assertThat(get(infra.registryApiUrl() + "/admin/rules/COMPATIBILITY").body()).contains("BACKWARD");

        String subject = infra.registryCcompatUrl() + "/subjects/compat-" + UUID.randomUUID() + "-value/versions";
        String v1 = "{\"type\":\"record\",\"name\":\"Bet\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
        String v2Compatible = "{\"type\":\"record\",\"name\":\"Bet\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
        String v3Breaking = "{\"type\":\"record\",\"name\":\"Bet\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                + "{\"name\":\"stake\",\"type\":\"long\"}]}";
        assertThat(post(subject, "{\"schema\":" + json(v1) + "}").statusCode()).isEqualTo(200);
        assertThat(post(subject, "{\"schema\":" + json(v2Compatible) + "}").statusCode()).isEqualTo(200);
        assertThat(post(subject, "{\"schema\":" + json(v3Breaking) + "}").statusCode()).isEqualTo(409);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static KafkaProducer<String, String> producer(RealInfrastructure infra, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return new KafkaProducer<>(config);
    }

    private static List<ConsumerRecord<String, String>> consume(RealInfrastructure infra, String topic,
            String isolation, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).as("records on %s within %s", topic, DEADLINE).hasSize(expected);
        return records;
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON string literal. */
    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
