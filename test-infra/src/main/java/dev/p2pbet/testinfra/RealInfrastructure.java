package dev.p2pbet.testinfra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.p2pbet.testinfra.containers.ApicurioRegistryContainer;
import dev.p2pbet.testinfra.containers.KafkaContainerBroker;
import dev.p2pbet.testinfra.containers.PostgresContainerServer;
import dev.p2pbet.testinfra.embedded.ApicurioRegistryProcess;
import dev.p2pbet.testinfra.embedded.EmbeddedKafkaBroker;
import dev.p2pbet.testinfra.embedded.EmbeddedPostgresServer;
import dev.p2pbet.testinfra.support.ShutdownHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Kafka broker, PostgreSQL server and Apicurio Registry that tests run against: started once per JVM on
 * first use ({@link #shared()}), in parallel, on free ports, and stopped by a JVM shutdown hook. Containers when a
 * Docker engine answers, the embedded path otherwise ({@link InfraMode}). Nothing is mocked.
 *
 * <p>Spring tests get the addresses through {@link WithRealInfrastructure}; other JUnit tests through
 * {@link RealInfrastructureExtension}.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);

    private static RealInfrastructure shared;
    private static RuntimeException sharedFailure;

    private final InfraMode mode;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final SchemaRegistry registry;

    private RealInfrastructure(InfraMode mode, KafkaBroker kafka, PostgresServer postgres, SchemaRegistry registry) {
        this.mode = mode;
        this.kafka = kafka;
        this.postgres = postgres;
        this.registry = registry;
    }

    /**
     * The JVM-wide instance, started on the first call (the other callers wait). A failed start is remembered: later
     * calls fail at once with the same cause instead of trying again for every test class.
     */
    public static synchronized RealInfrastructure shared() {
        if (shared != null) {
            return shared;
        }
        if (sharedFailure != null) {
            throw new IllegalStateException("The real infrastructure failed to start earlier in this JVM", sharedFailure);
        }
        try {
            shared = start();
            RealInfrastructure started = shared;
            ShutdownHooks.add("p2pbet-real-infrastructure-stopper", started::stop);
            return shared;
        } catch (RuntimeException e) {
            sharedFailure = e;
            throw e;
        }
    }

    private static RealInfrastructure start() {
        long started = System.nanoTime();
        InfraMode.Choice choice = InfraMode.choose();
        log.info("Real infrastructure: {} path ({}); starting Kafka, PostgreSQL and Apicurio Registry",
                choice.mode().name().toLowerCase(), choice.reason());
        ExecutorService executor = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "real-infrastructure-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<KafkaBroker> kafka;
            CompletableFuture<PostgresServer> postgres;
            CompletableFuture<SchemaRegistry> registry;
            if (choice.mode() == InfraMode.CONTAINERS) {
                kafka = async(KafkaContainerBroker::start, executor);
                postgres = async(PostgresContainerServer::start, executor);
                registry = async(ApicurioRegistryContainer::start, executor);
            } else {
                kafka = async(() -> EmbeddedKafkaBroker.start(0), executor);
                postgres = async(() -> EmbeddedPostgresServer.start(0), executor);
                registry = async(() -> ApicurioRegistryProcess.start(0), executor);
            }
            try {
                CompletableFuture.allOf(kafka, postgres, registry).join();
            } catch (CompletionException e) {
                List<AutoCloseable> running = new ArrayList<>();
                for (CompletableFuture<? extends AutoCloseable> future : List.of(kafka, postgres, registry)) {
                    if (!future.isCompletedExceptionally()) {
                        running.add(future.join());
                    }
                }
                running.forEach(RealInfrastructure::closeQuietly);
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("The real infrastructure (" + choice.mode() + ") did not start: " + cause, cause);
            }
            RealInfrastructure infrastructure = new RealInfrastructure(choice.mode(), kafka.join(), postgres.join(), registry.join());
            log.info("Real infrastructure ({}) up in {} ms: Kafka {}, PostgreSQL {}, Apicurio Registry {} (ccompat {})",
                    choice.mode().name().toLowerCase(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    infrastructure.kafkaBootstrapServers(), infrastructure.postgresDescription(),
                    infrastructure.registryApiUrl(), infrastructure.registryCcompatUrl());
            return infrastructure;
        } finally {
            executor.shutdown();
        }
    }

    private static <T> CompletableFuture<T> async(Supplier<T> starter, ExecutorService executor) {
        return CompletableFuture.supplyAsync(starter, executor);
    }

    /** Which path runs the servers. */
    public InfraMode mode() {
        return mode;
    }

    /** {@code host:port} for {@code spring.kafka.bootstrap-servers}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Apicurio's core API, for {@code apicurio.registry.url}: {@code http://host:port/apis/registry/v2}. */
    public String registryApiUrl() {
        return registry.registryApiUrl();
    }

    /** The Confluent-compatible API: {@code http://host:port/apis/ccompat/v7}. */
    public String registryCcompatUrl() {
        return registry.ccompatUrl();
    }

    /** The JDBC URL of {@code database}, created first when absent (idempotent, thread-safe). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String dbUsername() {
        return postgres.username();
    }

    public String dbPassword() {
        return postgres.password();
    }

    /**
     * The environment a service's Boot jar needs to run as a child process on this infrastructure
     * (crash tests): its database, the broker with quick failure detection so a killed consumer's
     * partitions move fast, the registry, and a throwaway JWT secret. Add the service's own settings.
     */
    public Map<String, String> serviceEnvironment(String database) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl(database));
        env.put("SPRING_DATASOURCE_USERNAME", dbUsername());
        env.put("SPRING_DATASOURCE_PASSWORD", dbPassword() == null ? "" : dbPassword());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "6000");
        env.put("SPRING_KAFKA_CONSUMER_HEARTBEAT_INTERVAL", "1s");
        env.put("P2PBET_KAFKA_REGISTRY_URL", registryApiUrl());
        env.put("P2PBET_SECURITY_DEVSIGNINGSECRET", UUID.randomUUID() + "-" + UUID.randomUUID());
        return env;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    @Override
    public String toString() {
        return "RealInfrastructure[" + mode + ", kafka " + kafkaBootstrapServers() + ", postgres "
                + postgresDescription() + ", registry " + registryApiUrl() + "]";
    }

    private String postgresDescription() {
        String url = postgres.jdbcUrl("postgres");
        return url.substring(0, url.lastIndexOf('/') + 1) + "<database>";
    }

    /** Stops the three servers in parallel (the shutdown hook does this for {@link #shared()}). */
    private void stop() {
        List<Thread> stoppers = new ArrayList<>();
        for (AutoCloseable server : List.of(kafka, postgres, registry)) {
            Thread thread = new Thread(() -> closeQuietly(server), "real-infrastructure-stop");
            thread.start();
            stoppers.add(thread);
        }
        for (Thread thread : stoppers) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed", server, e);
        }
    }
}
