package dev.p2pbet.localstack;

import dev.p2pbet.localstack.entrypoint.EntryPoint;
import dev.p2pbet.localstack.entrypoint.PlatformRoutes;
import dev.p2pbet.plumbing.security.DevTokens;
import dev.p2pbet.testinfra.embedded.ApicurioRegistryProcess;
import dev.p2pbet.testinfra.embedded.EmbeddedKafkaBroker;
import dev.p2pbet.testinfra.embedded.EmbeddedPostgresServer;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import dev.p2pbet.testinfra.support.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in one call, for `./platform run` and for black-box tests: a real KRaft broker, a real
 * PostgreSQL server (one database per service), the Apicurio registry, the wallet simulator and the four services as
 * child JVMs, and the API entry point in front of them. {@link #start} returns once every service is ready and the
 * simulator has opened the platform's accounts; {@link #close} stops the services first, then the servers.
 *
 * <p>Fresh data at every start. The run's secrets, its logs and {@value RunningStack#ENDPOINTS_FILE} (where
 * everything answers, for `./platform demo|token|topic` in another JVM) are written to the state directory.
 */
public final class PlatformStack implements AutoCloseable, StackEndpoints {

    /** The frontend origin the entry point answers CORS for; {@code P2PBET_FRONTEND_ORIGIN} overrides it. */
    public static final String DEFAULT_FRONTEND_ORIGIN = "http://localhost:3000";

    /** How long a close from the shutdown hook waits for a start in progress to stop what it was starting. */
    private static final Duration START_GIVE_UP_TIMEOUT = Duration.ofMinutes(2);

    static final int ENTRY_POINT_PORT = 8080;
    static final int KAFKA_PORT = 19092;
    static final int POSTGRES_PORT = 15432;
    static final int REGISTRY_PORT = 18081;
    /** The gateway's endpoint for the provider's signed webhooks. */
    static final String GATEWAY_WEBHOOK_PATH = "/webhooks/wallet-provider";

    private static final Logger log = LoggerFactory.getLogger(PlatformStack.class);

    /**
     * Where the project is (the service modules' {@code target/} jars are taken from there), where the run keeps its
     * secrets and logs, whether every port is a free one (tests) or the fixed ones of `./platform run`, and PostgreSQL
     * server settings beyond the stack's own (none by default).
     */
    public record Options(Path projectRoot, Path stateDir, boolean freePorts, Map<String, String> postgresSettings) {

        public Options {
            projectRoot = projectRoot.toAbsolutePath().normalize();
            stateDir = stateDir.toAbsolutePath().normalize();
            postgresSettings = Map.copyOf(postgresSettings);
        }

        public Options(Path projectRoot, Path stateDir, boolean freePorts) {
            this(projectRoot, stateDir, freePorts, Map.of());
        }

        /** These options with PostgreSQL server settings, e.g. a library the load tests preload to profile SQL. */
        public Options withPostgresSettings(Map<String, String> settings) {
            return new Options(projectRoot, stateDir, freePorts, settings);
        }

        /** Free ports everywhere, so a test never collides with a running `./platform run`. */
        public static Options forTests(Path projectRoot, Path stateDir) {
            return new Options(projectRoot, stateDir, true);
        }

        /**
         * How long the services get to be ready: {@code p2pbet.local-stack.ready-timeout} (ISO-8601), 8 minutes (a
         * busy 2-core machine has taken 4).
         */
        Duration readyTimeout() {
            return Duration.parse(System.getProperty("p2pbet.local-stack.ready-timeout", "PT8M"));
        }
    }

    private final Options options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, SpringBootProcess> services = new LinkedHashMap<>();
    private final Map<String, URI> serviceUrls = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private EmbeddedKafkaBroker kafka;
    private EmbeddedPostgresServer postgres;
    private ApicurioRegistryProcess registry;
    private EntryPoint entryPoint;
    private LocalSecrets secrets;
    private Thread shutdownHook;
    private volatile boolean closed;
    /** The thread in {@link #start} while it runs, else null. */
    private volatile Thread startingThread;

    private PlatformStack(Options options) {
        this.options = options;
    }

    /** Starts everything and blocks until every service is ready (progress is logged); fails with the log to read. */
    public static PlatformStack start(Options options) {
        return start(options, Map.of());
    }

    /**
     * Like {@link #start(Options)}, with extra environment variables per module (e.g. {@code "settlement-service" ->
     * {P2PBET_SETTLEMENT_FEE_BPS: 100}}); they win over the stack's own.
     */
    public static PlatformStack start(Options options, Map<String, Map<String, String>> extraEnvironment) {
        extraEnvironment.keySet().forEach(PlatformModule::named);
        PlatformStack stack = new PlatformStack(options);
        stack.startingThread = Thread.currentThread();
        try {
            stack.startEverything(extraEnvironment);
            return stack;
        } catch (RuntimeException | Error e) {
            log.error("The platform did not start: {}", e.getMessage());
            stack.close();
            throw e;
        } finally {
            stack.startEnded();
        }
    }

    private synchronized void startEnded() {
        startingThread = null;
        notifyAll();
    }

    /**
     * A close from another thread while the start goes on (the shutdown hook) waits for the start to give up: a
     * server or service that was being started when the JVM halted would be left running, nobody's child.
     */
    private void awaitStartEnded() throws InterruptedException {
        long deadline = System.nanoTime() + START_GIVE_UP_TIMEOUT.toNanos();
        while (startingThread != null && startingThread != Thread.currentThread()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("The start did not end within {}; stopping without it", START_GIVE_UP_TIMEOUT);
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void startEverything(Map<String, Map<String, String>> extraEnvironment) {
        long began = System.nanoTime();
        try {
            Files.createDirectories(options.stateDir().resolve("logs"));
            Files.deleteIfExists(options.stateDir().resolve(RunningStack.ENDPOINTS_FILE));
            secrets = LocalSecrets.createIn(options.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + options.stateDir(), e);
        }
        if (shutdownHook == null) {
            // A JVM that ends without close() (a test JVM, `./platform run` on Ctrl-C or SIGTERM, even while it is
            // still starting) must not leave six JVMs and the servers behind.
            shutdownHook = Thread.ofPlatform().name("platform-stack-stopper").unstarted(this::close);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        log.info("Starting the infrastructure (PostgreSQL, Kafka, Apicurio Registry){}...",
                options.freePorts() ? " on free ports" : "");
        postgres = remember(EmbeddedPostgresServer.start(port(POSTGRES_PORT), null, options.postgresSettings()));
        kafka = remember(EmbeddedKafkaBroker.start(port(KAFKA_PORT)));
        registry = remember(ApicurioRegistryProcess.start(port(REGISTRY_PORT), logPath("apicurio-registry")));

        Map<PlatformModule, Integer> ports = new LinkedHashMap<>();
        for (PlatformModule module : PlatformModule.ALL) {
            ports.put(module, options.freePorts() ? Ports.freePort() : module.defaultPort());
            serviceUrls.put(module.name(), URI.create("http://localhost:" + ports.get(module)));
        }
        for (PlatformModule module : PlatformModule.ALL) {
            Map<String, String> env = environment(module);
            env.putAll(extraEnvironment.getOrDefault(module.name(), Map.of()));
            environments.put(module.name(), Map.copyOf(env));
            log.info("Starting {} on port {}", module.name(), ports.get(module));
            SpringBootProcess service = remember(SpringBootProcess.start(module.name(), jarOf(module),
                    ports.get(module), logPath(module.name()), env));
            synchronized (this) {
                services.put(module.name(), service); // close() may be reading it, from the shutdown hook
            }
        }
        Map<String, URI> backends = new HashMap<>(serviceUrls);
        entryPoint = remember(EntryPoint.start(options.freePorts() ? 0 : ENTRY_POINT_PORT, PlatformRoutes.all(),
                backends, frontendOrigin()));
        awaitReady(options.readyTimeout());
        PlatformAccounts.of(this).requireOpened();
        writeEndpointsFile();
        log.info("The platform is up in {} s: API at {}", Duration.ofNanos(System.nanoTime() - began).toSeconds(),
                apiUrl());
    }

    /** The environment of one module: its database, the broker and registry, and the run's secrets. */
    private Map<String, String> environment(PlatformModule module) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(module.database()));
        env.put("SPRING_DATASOURCE_USERNAME", postgres.username());
        env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        if (module.equals(PlatformModule.WALLET_SIMULATOR)) {
            // The simulator plays the provider: it signs webhooks to the gateway and knows the gateway's API key.
            env.put("WALLET_SIMULATOR_WEBHOOK_URL", serviceUrls.get(PlatformModule.WALLET_GATEWAY.name()) + GATEWAY_WEBHOOK_PATH);
            env.put("WALLET_SIMULATOR_WEBHOOK_SECRET", secrets.webhookSecret());
            env.put("WALLET_SIMULATOR_API_CLIENTS_GATEWAY", secrets.providerApiKey());
            env.put("WALLET_SIMULATOR_SANDBOX_API_KEY", secrets.sandboxKey());
            return env;
        }
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("P2PBET_KAFKA_REGISTRY_URL", registry.registryApiUrl());
        env.put("P2PBET_SECURITY_DEV_SIGNING_SECRET", secrets.jwtSigningSecret());
        if (module.equals(PlatformModule.WALLET_GATEWAY)) {
            env.put("P2PBET_WALLET_PROVIDER_URL", serviceUrls.get(PlatformModule.WALLET_SIMULATOR.name()).toString());
            env.put("P2PBET_WALLET_PROVIDER_APIKEY", secrets.providerApiKey());
            env.put("P2PBET_WALLET_WEBHOOK_SECRET", secrets.webhookSecret());
            env.put("P2PBET_WALLET_COGNITOHOOKKEY", secrets.cognitoHookKey());
        }
        return env;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SpringBootProcess> waiting = new ArrayList<>(services.values());
        while (!waiting.isEmpty()) {
            if (closed) {
                throw stopping();
            }
            waiting.removeIf(service -> {
                boolean ready = service.isReady();
                if (ready) {
                    log.info("{} is ready", service.name());
                }
                return ready;
            });
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + timeout + ": "
                        + waiting.stream().map(s -> s.name() + " (log: " + s.logFile() + ")").toList());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * A copy of the module's Spring Boot jar in the state directory: a build that rewrites {@code target/} while the
     * stack runs (another terminal, an IDE) must not pull classes from under a running or restarting service.
     */
    private Path jarOf(PlatformModule module) {
        Path built = SpringBootProcess.bootJar(options.projectRoot().resolve(module.name()));
        Path copy = options.stateDir().resolve("jars").resolve(built.getFileName());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                Files.createDirectories(copy.getParent());
                Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
                try (ZipFile readable = new ZipFile(copy.toFile())) {
                    return copy;
                }
            } catch (IOException e) {
                // Most likely a build is writing the jar right now: take it once it is whole.
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("Cannot take a whole copy of " + built, e);
                }
                log.info("{} is being rewritten ({}); waiting for the build to finish", built, e.toString());
                sleep(Duration.ofSeconds(2));
            }
        }
    }

    private int port(int fixed) {
        return options.freePorts() ? 0 : fixed;
    }

    private Path logPath(String name) {
        return options.stateDir().resolve("logs").resolve(name + ".log");
    }

    private static String frontendOrigin() {
        String origin = System.getenv("P2PBET_FRONTEND_ORIGIN");
        return origin == null || origin.isBlank() ? DEFAULT_FRONTEND_ORIGIN : origin.trim();
    }

    private void writeEndpointsFile() {
        Properties endpoints = new Properties();
        endpoints.setProperty("api", apiUrl().toString());
        serviceUrls.forEach((module, url) -> endpoints.setProperty("service." + module, url.toString()));
        endpoints.setProperty("kafka", kafkaBootstrapServers());
        endpoints.setProperty("registry", registryUrl());
        endpoints.setProperty("postgres", postgres.jdbcUrl("postgres"));
        try (var out = Files.newBufferedWriter(options.stateDir().resolve(RunningStack.ENDPOINTS_FILE))) {
            endpoints.store(out, "where the running local stack answers (deleted when it stops)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the endpoints file into " + options.stateDir(), e);
        }
    }

    /**
     * Keeps what was started for {@link #close()}; once the stack is closing (its shutdown hook runs while the start
     * goes on in another thread) the newcomer is stopped at once and the start ends.
     */
    private synchronized <T extends AutoCloseable> T remember(T resource) {
        if (closed) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not stop cleanly: {}", e.toString());
            }
            throw stopping();
        }
        started.push(resource);
        return resource;
    }

    private static IllegalStateException stopping() {
        return new IllegalStateException("the platform is being stopped");
    }

    // ------------------------------------------------------------------------------------------- the public API

    @Override
    public URI apiUrl() {
        return entryPoint.url();
    }

    @Override
    public URI serviceUrl(String module) {
        URI url = serviceUrls.get(PlatformModule.named(module).name());
        if (url == null) {
            throw new IllegalStateException(module + " was not started");
        }
        return url;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The Apicurio core REST API the services use ({@code .../apis/registry/v2}). */
    public String registryUrl() {
        return registry.registryApiUrl();
    }

    /** The registry's Confluent-compatible API ({@code .../apis/ccompat/v7}). */
    public String registryCcompatUrl() {
        return registry.ccompatUrl();
    }

    /** A JDBC URL of the stack's PostgreSQL server for {@code database} (user/password: {@link #postgresUser()}). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String postgresUser() {
        return postgres.username();
    }

    public String postgresPassword() {
        return postgres.password();
    }

    @Override
    public String sandboxApiKey() {
        return secrets.sandboxKey();
    }

    @Override
    public String cognitoHookKey() {
        return secrets.cognitoHookKey();
    }

    @Override
    public String mintToken(String userId, String... groups) {
        return DevTokens.mint(userId, secrets.jwtSigningSecret(), DevTokens.DEFAULT_ISSUER, Duration.ofHours(12),
                List.of(groups));
    }

    /** A service's child process: kill -9 ({@code kill()}), stop ({@code close()}), start again ({@code restart()}). */
    public SpringBootProcess process(String module) {
        SpringBootProcess process = services.get(PlatformModule.named(module).name());
        if (process == null) {
            throw new IllegalStateException(module + " was not started");
        }
        return process;
    }

    // ------------------------------------------------------------------------- faults (chaos tests)

    /**
     * Kills the module's process (SIGKILL, if it still runs) and starts the same jar on the same port with the
     * stack's environment plus {@code extraEnvironment} (e.g. a crash point switched on); an empty map gives the
     * normal service back. Does not wait for readiness: {@code process(module).awaitReady(...)}.
     */
    public synchronized SpringBootProcess restartWith(String module, Map<String, String> extraEnvironment) {
        PlatformModule platformModule = PlatformModule.named(module);
        SpringBootProcess old = process(module);
        old.kill();
        Map<String, String> env = new HashMap<>(environments.get(platformModule.name()));
        env.putAll(extraEnvironment);
        SpringBootProcess replacement = remember(SpringBootProcess.start(platformModule.name(), jarOf(platformModule),
                old.port(), logPath(platformModule.name()), env));
        services.put(platformModule.name(), replacement);
        return replacement;
    }

    /**
     * Another instance of a module on a free port (same database, consumer groups and environment, its own log
     * {@code <instance>.log}), e.g. a second settlement-service that makes its consumer groups rebalance. Stopped
     * with the stack if still running; ready when {@code awaitReady} says so.
     */
    public synchronized SpringBootProcess startExtraInstance(String module, String instance) {
        PlatformModule platformModule = PlatformModule.named(module);
        return remember(SpringBootProcess.start(instance, jarOf(platformModule), Ports.freePort(), logPath(instance),
                environments.get(platformModule.name())));
    }

    /** Stops the Kafka broker, keeping its port and data (the services' clients retry meanwhile). */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the stopped broker again on the same port with the same topics and offsets. */
    public void startKafkaAgain() {
        kafka.startAgain();
    }

    /** Stops PostgreSQL (fast shutdown: sessions end, committed data stays), keeping its port and data. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts the stopped PostgreSQL server again on the same port with the same data; pools reconnect. */
    public void startPostgresAgain() {
        postgres.startAgain();
    }

    public Path logFile(String module) {
        return logPath(PlatformModule.named(module).name());
    }

    public Path stateDir() {
        return options.stateDir();
    }

    /** The module names, in start order. */
    public List<String> modules() {
        return PlatformModule.ALL.stream().map(PlatformModule::name).toList();
    }

    /** Services first, all asked at once (each drains its work), then the entry point and the servers. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down.
            }
        }
        log.info("Stopping the platform...");
        try {
            Files.deleteIfExists(options.stateDir().resolve(RunningStack.ENDPOINTS_FILE));
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", RunningStack.ENDPOINTS_FILE, e.toString());
        }
        services.values().forEach(SpringBootProcess::requestStop);
        stopStarted();
        try {
            awaitStartEnded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopStarted();
        deleteJarCopies();
        log.info("Platform stopped.");
    }

    private void stopStarted() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("Could not stop cleanly: {}", e.toString());
            }
        }
    }

    private void deleteJarCopies() {
        Path jars = options.stateDir().resolve("jars");
        if (!Files.isDirectory(jars)) {
            return;
        }
        try (var copies = Files.list(jars)) {
            for (Path copy : copies.toList()) {
                Files.deleteIfExists(copy);
            }
            Files.deleteIfExists(jars);
        } catch (IOException e) {
            log.warn("Could not delete the jar copies in {}: {}", jars, e.toString());
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
