package dev.p2pbet.localstack;

import dev.p2pbet.testinfra.embedded.ApicurioRegistryProcess;
import dev.p2pbet.testinfra.embedded.EmbeddedKafkaBroker;
import dev.p2pbet.testinfra.embedded.EmbeddedPostgresServer;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import dev.p2pbet.testinfra.support.ShutdownHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine without Docker: a real KRaft broker, a real PostgreSQL
 * server (one database per service), the Apicurio registry, then every service as a child JVM.
 * Waits until each one is ready, prints where everything is, and stops it all on Ctrl-C.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    static final int KAFKA_PORT = 19092;
    static final int POSTGRES_PORT = 15432;
    static final int REGISTRY_PORT = 18081;
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** A runnable module of the platform: its folder, database and HTTP port on the local stack. */
    record PlatformModule(String name, String database, int port) {

        String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    static final PlatformModule WALLET_SIMULATOR = new PlatformModule("wallet-simulator", "wallet_simulator", 8085);
    static final PlatformModule WALLET_GATEWAY = new PlatformModule("wallet-gateway-service", "wallet_gateway", 8082);

    /** The gateway's endpoint for the provider's signed webhooks. */
    static final String GATEWAY_WEBHOOK_PATH = "/webhooks/wallet-provider";

    static final List<PlatformModule> MODULES = List.of(
            WALLET_SIMULATOR,
            new PlatformModule("bet-service", "bet", 8081),
            WALLET_GATEWAY,
            new PlatformModule("settlement-service", "settlement", 8083),
            new PlatformModule("stats-service", "stats", 8084));

    private final Path projectRoot;
    private final Path stateDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    LocalStack(Path projectRoot) {
        this.projectRoot = projectRoot;
        this.stateDir = projectRoot.resolve(".local-stack");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("p2pbet.project-root", ".")).toAbsolutePath().normalize();
        // This program stops everything itself, services before the servers they use.
        System.setProperty(ShutdownHooks.DISABLED_PROPERTY, "true");
        LocalStack stack = new LocalStack(root);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            stack.stop();
            stopped.countDown();
        }));
        try {
            stack.start();
        } catch (Exception e) {
            log.error("Local stack failed to start: {}", e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start() throws Exception {
        Files.createDirectories(stateDir);
        long began = System.nanoTime();
        log.info("Starting the infrastructure (Kafka, PostgreSQL, Apicurio Registry)...");
        EmbeddedPostgresServer postgres = remember(EmbeddedPostgresServer.start(POSTGRES_PORT));
        EmbeddedKafkaBroker kafka = remember(EmbeddedKafkaBroker.start(KAFKA_PORT));
        ApicurioRegistryProcess registry = remember(ApicurioRegistryProcess.start(REGISTRY_PORT));

        LocalSecrets secrets = LocalSecrets.createIn(stateDir);
        List<SpringBootProcess> services = new ArrayList<>();
        for (PlatformModule module : MODULES) {
            Map<String, String> env = new HashMap<>();
            env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(module.database()));
            env.put("SPRING_DATASOURCE_USERNAME", postgres.username());
            env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
            if (module.equals(WALLET_SIMULATOR)) {
                env.putAll(simulatorEnvironment(secrets));
            } else {
                env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                env.put("P2PBET_KAFKA_REGISTRY_URL", registry.registryApiUrl());
                env.put("P2PBET_SECURITY_DEV_SIGNING_SECRET", secrets.jwtSigningSecret());
            }
            if (module.equals(WALLET_GATEWAY)) {
                env.putAll(gatewayEnvironment(secrets));
            }
            log.info("Starting {} on port {}", module.name(), module.port());
            services.add(remember(SpringBootProcess.start(module.name(),
                    SpringBootProcess.bootJar(projectRoot.resolve(module.name())), module.port(),
                    stateDir.resolve("logs").resolve(module.name() + ".log"), env)));
        }
        awaitReady(services);
        printWhereEverythingIs(kafka, postgres, registry, services, Duration.ofNanos(System.nanoTime() - began));
    }

    private void awaitReady(List<SpringBootProcess> services) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<SpringBootProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            waiting.removeIf(service -> {
                boolean ready = service.isReady();
                if (ready) {
                    log.info("{} is ready", service.name());
                }
                return ready;
            });
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT + ": "
                        + waiting.stream().map(s -> s.name() + " (log: " + s.logFile() + ")").toList());
            }
            Thread.sleep(500);
        }
    }

    /** The simulator plays the provider: it signs webhooks to the gateway and knows the gateway's API key. */
    private static Map<String, String> simulatorEnvironment(LocalSecrets secrets) {
        return Map.of(
                "WALLET_SIMULATOR_WEBHOOK_URL", WALLET_GATEWAY.baseUrl() + GATEWAY_WEBHOOK_PATH,
                "WALLET_SIMULATOR_WEBHOOK_SECRET", secrets.webhookSecret(),
                "WALLET_SIMULATOR_API_CLIENTS_GATEWAY", secrets.providerApiKey(),
                "WALLET_SIMULATOR_SANDBOX_API_KEY", secrets.sandboxKey());
    }

    private static Map<String, String> gatewayEnvironment(LocalSecrets secrets) {
        return Map.of(
                "P2PBET_WALLET_PROVIDER_URL", WALLET_SIMULATOR.baseUrl(),
                "P2PBET_WALLET_PROVIDER_APIKEY", secrets.providerApiKey(),
                "P2PBET_WALLET_WEBHOOK_SECRET", secrets.webhookSecret(),
                "P2PBET_WALLET_COGNITOHOOKKEY", secrets.cognitoHookKey());
    }

    private void printWhereEverythingIs(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres,
                                        ApicurioRegistryProcess registry, List<SpringBootProcess> services,
                                        Duration took) {
        StringBuilder out = new StringBuilder("\n\nThe platform is up (" + took.toSeconds() + " s). Ctrl-C stops everything.\n\n");
        for (SpringBootProcess service : services) {
            out.append(String.format("  %-24s %s   (health: %s/actuator/health, log: %s)%n", service.name(),
                    service.baseUrl(), service.baseUrl(), projectRoot.relativize(service.logFile())));
        }
        out.append(String.format("%n  %-24s %s%n", "Kafka bootstrap", kafka.bootstrapServers()));
        out.append(String.format("  %-24s %s%n", "PostgreSQL", postgres.jdbcUrl("postgres") + " (user " + postgres.username() + ")"));
        out.append(String.format("  %-24s %s%n", "Schema registry", registry.registryApiUrl()));
        out.append(String.format("  %-24s %s%n", "Confluent-compatible", registry.ccompatUrl()));
        out.append("\n  A token for user alice:  ./platform token alice\n");
        System.out.println(out);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    void stop() {
        log.info("Stopping the local stack...");
        // Services first and all at once (each drains its work), then the servers in reverse order.
        started.stream().filter(SpringBootProcess.class::isInstance).map(SpringBootProcess.class::cast)
                .forEach(SpringBootProcess::requestStop);
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("Could not stop cleanly: {}", e.toString());
            }
        }
        log.info("Local stack stopped.");
    }
}
