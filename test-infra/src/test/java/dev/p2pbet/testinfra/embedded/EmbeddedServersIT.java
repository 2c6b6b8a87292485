package dev.p2pbet.testinfra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.p2pbet.testinfra.support.Ports;
import dev.p2pbet.testinfra.support.RegistryRules;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers on their own, as the local stack uses them: fixed ports, persistence, clean shutdown. */
class EmbeddedServersIT {

    @Test
    void kafkaBrokerListensOnTheRequestedPortKeepsItsDataAndStops(@TempDir Path dataDirectory) throws Exception {
        int port = Ports.freePort();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDirectory)) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                        .singleElement().satisfies(node -> assertThat(node.port()).isEqualTo(port));
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "survives restarts")).get();
            }
        }
        assertThat(Ports.isListening(port)).isFalse();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDirectory);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kept"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            assertThat(values).containsExactly("survives restarts");
        }
    }

    @Test
    void postgresKeepsItsDataInAGivenDirectoryAcrossRestarts(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0, dataDirectory)) {
            sql(server, "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('survives restarts')");
        }
        int port = Ports.freePort();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, dataDirectory)) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.jdbcUrl("wallet_simulator")).isEqualTo("jdbc:postgresql://localhost:" + port + "/wallet_simulator");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("wallet_simulator"), server.username(), server.password());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives restarts");
            }
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void aStoppedKafkaBrokerStartsAgainOnItsPortWithItsTopics() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0);
             KafkaProducer<String, String> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restarted", "k", "before")).get();
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.isListening(broker.port())).isFalse();
            broker.startAgain();
            producer.send(new ProducerRecord<>("restarted", "k", "after")).get(60, TimeUnit.SECONDS);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("restarted"));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (values.size() < 2 && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                }
                assertThat(values).containsExactly("before", "after");
            }
        }
    }

    @Test
    void aStoppedPostgresStartsAgainOnItsPortWithItsData() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0)) {
            int port = server.port();
            sql(server, "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('survives a restart')");
            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThat(Ports.isListening(port)).isFalse();
            server.startAgain();
            assertThat(server.port()).isEqualTo(port);
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("wallet_simulator"), server.username(), server.password());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives a restart");
            }
        }
    }

    @Test
    void registryRunsAsAChildProcessAndIsStoppedOnClose() throws Exception {
        int port = Ports.freePort();
        ProcessHandle child;
        try (ApicurioRegistryProcess registry = ApicurioRegistryProcess.start(port)) {
            assertThat(registry.baseUrl()).isEqualTo("http://localhost:" + port);
            assertThat(registry.registryApiUrl()).isEqualTo("http://localhost:" + port + "/apis/registry/v2");
            assertThat(registry.ccompatUrl()).isEqualTo("http://localhost:" + port + "/apis/ccompat/v7");
            child = ProcessHandle.of(registry.pid()).orElseThrow();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
            assertThat(RegistryRules.answers200(registry.registryApiUrl() + "/system/info")).isTrue();
            assertThat(registry.logFile()).exists();
        }
        assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(Ports.isListening(port)).isFalse();
    }

    private static void sql(EmbeddedPostgresServer server, String statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("wallet_simulator"), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

}
