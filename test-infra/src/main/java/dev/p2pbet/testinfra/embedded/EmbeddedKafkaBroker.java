package dev.p2pbet.testinfra.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.p2pbet.testinfra.KafkaBroker;
import dev.p2pbet.testinfra.support.Ports;
import dev.p2pbet.testinfra.support.QuietLogs;
import dev.p2pbet.testinfra.support.ShutdownHooks;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker + controller), running in this JVM from Kafka's
 * own server classes ({@link KafkaRaftServer} after formatting the storage, as {@code kafka-storage.sh format} +
 * {@code kafka-server-start.sh} do). Clients connect with plain {@code PLAINTEXT} to {@link #bootstrapServers()}.
 *
 * <p>Settings are those of a development node: replication factor 1 for the internal topics, auto topic creation
 * on, no initial rebalance delay, small thread pools and cleaner buffer. Transactions and idempotent producers work.
 *
 * <p>No JUnit types here: the local stack uses it too.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private KafkaRaftServer server;
    private final int port;
    private final int controllerPort;
    private final Path dataDirectory;
    private final boolean deleteDataOnClose;
    private final Thread shutdownHook;
    private boolean closed;
    private boolean stopped;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, int controllerPort, Path dataDirectory,
                                boolean deleteDataOnClose) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDirectory = dataDirectory;
        this.deleteDataOnClose = deleteDataOnClose;
        this.shutdownHook = ShutdownHooks.add("kafka-broker-" + port + "-stopper", this::close);
    }

    /**
     * Starts a broker with its data in a fresh temporary directory (deleted on close).
     *
     * @param port the client port on localhost; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(int port) {
        return start(port, null);
    }

    /**
     * Starts a broker that keeps its data in {@code dataDirectory} (formatted on first use, reused afterwards, kept
     * on close), or in a temporary directory when {@code dataDirectory} is null.
     *
     * @param port the client port on localhost; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(int port, Path dataDirectory) {
        long started = System.nanoTime();
        QuietLogs.apply();
        guardJvmExit();
        boolean temporary = dataDirectory == null;
        Path directory;
        try {
            directory = temporary ? Files.createTempDirectory("p2pbet-kafka-") : Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory", e);
        }
        int attempts = port == 0 ? 3 : 1;
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int clientPort = Ports.resolve(port);
            int controllerPort = Ports.freePort();
            try {
                KafkaRaftServer server = startServer(clientPort, controllerPort, directory);
                EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, clientPort, controllerPort, directory,
                        temporary);
                log.info("Real Kafka broker (KRaft) up at {} in {} ms (data in {})", broker.bootstrapServers(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), directory);
                return broker;
            } catch (RuntimeException e) {
                failure = e;
                if (!causedByBindFailure(e)) {
                    break;
                }
                log.warn("Kafka broker could not bind localhost:{} / controller port {}; {}", clientPort,
                        controllerPort, attempt < attempts ? "retrying with other ports" : "giving up");
            }
        }
        if (temporary) {
            deleteRecursively(directory);
        }
        throw new IllegalStateException("The embedded Kafka broker did not start (port " + port + ")", failure);
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Stops the broker as an operator's restart does (controlled shutdown, its log segments flushed) and keeps its
     * data and ports for {@link #startAgain()}; clients see the broker go away meanwhile. Idempotent.
     */
    public synchronized void stop() {
        if (closed || stopped) {
            return;
        }
        long began = System.nanoTime();
        shutDown();
        stopped = true;
        log.info("Real Kafka broker at {} stopped in {} ms (data kept for a restart)", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    /**
     * Starts a {@link #stop() stopped} broker again: same client and controller ports, same data directory (topics,
     * offsets, transactions survive), so clients reconnect by themselves. Returns once it answers metadata requests.
     */
    public synchronized void startAgain() {
        if (closed) {
            throw new IllegalStateException("the broker at " + bootstrapServers() + " is closed");
        }
        if (!stopped) {
            return;
        }
        long began = System.nanoTime();
        server = startServer(port, controllerPort, dataDirectory);
        stopped = false;
        log.info("Real Kafka broker at {} started again in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    public synchronized boolean isRunning() {
        return !closed && !stopped;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ShutdownHooks.remove(shutdownHook);
        long started = System.nanoTime();
        if (!stopped) {
            shutDown();
        }
        if (deleteDataOnClose) {
            deleteRecursively(dataDirectory);
        }
        log.info("Real Kafka broker at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void shutDown() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka broker at {} did not shut down cleanly", bootstrapServers(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + "]";
    }

    private static KafkaRaftServer startServer(int clientPort, int controllerPort, Path directory) {
        Path logDir = directory.resolve("kraft-combined-logs");
        Map<String, String> props = brokerProperties(clientPort, controllerPort, logDir);
        KafkaConfig config = new KafkaConfig(props, false);
        format(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
            awaitReady("localhost:" + clientPort);
            return server;
        } catch (RuntimeException | Error e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Map<String, String> brokerProperties(int clientPort, int controllerPort, Path logDir) {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + clientPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Sized for a 2-core development machine, not for production traffic.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.put("log.cleaner.threads", "1");
        return props;
    }

    /** {@code kafka-storage.sh format}, once: a directory with {@code meta.properties} is formatted already. */
    private static void format(Path logDir) {
        if (Files.isRegularFile(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Formatting the Kafka storage in " + logDir + " failed", e);
        }
    }

    /** The broker answers a metadata request on the client listener and lists itself. */
    private static void awaitReady(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready within " + READY_TIMEOUT, last);
    }

    /**
     * Kafka's fatal-fault handlers call {@link Exit#halt}; in a test JVM (or the local stack) that would kill the
     * whole process without a trace. Log loudly instead; the broker is then broken and the tests fail on their own.
     */
    private static void guardJvmExit() {
        Exit.setExitProcedure((status, message) ->
                log.error("Kafka asked to exit the JVM (status {}): {} (ignored by test-infra)", status, message));
        Exit.setHaltProcedure((status, message) ->
                log.error("Kafka asked to halt the JVM (status {}): {} (ignored by test-infra)", status, message));
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: a temp directory left behind is not worth failing for.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not delete {}", directory, e);
        }
    }
}
