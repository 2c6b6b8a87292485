package dev.p2pbet.stats;

import dev.p2pbet.plumbing.security.DevTokens;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the integration tests share: the API over real HTTP with real tokens, the database, and
 * topics read as an outside consumer reads them.
 */
@StatsIntegrationTest
public abstract class StatsIT {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${p2pbet.security.dev-signing-secret}")
    String secret;

    @Autowired
    protected JdbcClient jdbc;

    private TopicProbe probe;

    protected String admin() {
        return DevTokens.mint("ops", secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5), List.of("admin"));
    }

    protected String user(String userId) {
        return DevTokens.mint(userId, secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));
    }

    protected HttpResponse<String> get(String path) {
        return get(path, null);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    protected synchronized TopicProbe probe() {
        if (probe == null) {
            RealInfrastructure infra = RealInfrastructure.shared();
            probe = new TopicProbe(infra.kafkaBootstrapServers(), infra.registryApiUrl(), infra.registryCcompatUrl());
        }
        return probe;
    }

    /**
     * The values of {@code topic} under {@code key}, decoded, in order: read from the beginning
     * until {@code expected} have arrived, then one more second to catch any extra one.
     */
    protected <T> List<T> eventsUnder(String topic, String key, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stats-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<T> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        events.add(probe().decode(topic, record.value()));
                    }
                }
                if (events.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return events;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
