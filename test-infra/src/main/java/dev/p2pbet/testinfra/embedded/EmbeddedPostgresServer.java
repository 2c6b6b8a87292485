package dev.p2pbet.testinfra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.p2pbet.testinfra.PostgresServer;
import dev.p2pbet.testinfra.support.PostgresDatabases;
import dev.p2pbet.testinfra.support.QuietLogs;
import dev.p2pbet.testinfra.support.ShutdownHooks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's {@link EmbeddedPostgres}: the PostgreSQL binaries from Maven Central, run by
 * {@code initdb} + {@code pg_ctl} as child processes) listening on localhost. Databases are created on demand by
 * {@link #jdbcUrl(String)}. Authentication is {@code trust} for local connections, so any password works;
 * {@link #username()} / {@link #password()} give the values to configure.
 *
 * <p>No JUnit types here: the local stack uses it too.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "postgres";

    private EmbeddedPostgres postgres;
    private final PostgresDatabases databases;
    private final int port;
    private final Path dataDirectory;
    private final boolean temporary;
    private final Map<String, String> settings;
    private final Thread shutdownHook;
    private boolean closed;
    private boolean stopped;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean temporary,
                                   Map<String, String> settings) {
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.settings = settings;
        // zonky's own hook stops the server at JVM exit but keeps a directory it did not create: ours deletes it
        this.shutdownHook = ShutdownHooks.add("postgres-" + port + "-stopper", this::close);
        this.databases = new PostgresDatabases("localhost", postgres.getPort(), "postgres", SUPERUSER, PASSWORD);
    }

    /**
     * Starts a throw-away server (fresh temporary data directory, deleted on close, {@code fsync} off).
     *
     * @param port the port on localhost; 0 picks a free one
     */
    public static EmbeddedPostgresServer start(int port) {
        return start(port, null);
    }

    /**
     * Starts a server whose data lives in {@code dataDirectory}: initialised on first use, kept on close and reused
     * by the next start (durable settings). A server left running there by a JVM that was killed is stopped first.
     * With a null {@code dataDirectory} this is {@link #start(int)}.
     *
     * @param port the port on localhost; 0 picks a free one
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        return start(port, dataDirectory, Map.of());
    }

    /**
     * Like {@link #start(int, Path)}, with server settings that win over ours (e.g. {@code shared_preload_libraries}
     * for statement statistics); a restart keeps them.
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory, Map<String, String> settings) {
        long started = System.nanoTime();
        QuietLogs.apply();
        boolean temporary = dataDirectory == null;
        Path directory;
        try {
            // A throw-away server still gets a directory of its own, not zonky's: stop()/startAgain() keep it.
            directory = temporary ? Files.createTempDirectory("p2pbet-postgres-") : Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the PostgreSQL data directory", e);
        }
        if (!temporary) {
            stopOrphanedPostmaster(directory);
        }
        int attempts = port == 0 ? 3 : 1;
        IOException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                EmbeddedPostgres postgres = builder(port, directory, temporary, settings).start();
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory, temporary, settings);
                log.info("Real PostgreSQL server up at localhost:{} in {} ms ({}; JDBC {})", postgres.getPort(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                        temporary ? "temporary data" : "data in " + directory,
                        server.databases.url("<database>"));
                return server;
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
                if (attempt < attempts) {
                    log.warn("Embedded PostgreSQL did not start ({}); retrying on another port", e.toString());
                }
            }
        }
        if (temporary) {
            EmbeddedKafkaBroker.deleteRecursively(directory);
        }
        throw new IllegalStateException("The embedded PostgreSQL server did not start (port " + port + ")", failure);
    }

    private static EmbeddedPostgres.Builder builder(int port, Path directory, boolean temporary,
                                                    Map<String, String> settings) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port) // zonky picks a free port for 0
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "UTC")
                .setDataDirectory(directory)
                .setCleanDataDirectory(false);
        if (temporary) {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off");
        } else {
            builder.setServerConfig("synchronous_commit", "on");
        }
        settings.forEach(builder::setServerConfig);
        return builder;
    }

    /**
     * Stops the server ({@code pg_ctl stop}, fast mode: open sessions are ended, committed data stays) and keeps its
     * data directory and port for {@link #startAgain()}; clients get connection errors meanwhile. Idempotent.
     */
    public synchronized void stop() {
        if (closed || stopped) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL at localhost:" + port + " did not stop", e);
        }
        stopped = true;
        log.info("Real PostgreSQL server at localhost:{} stopped (data kept for a restart)", port);
    }

    /** Starts a {@link #stop() stopped} server again on the same port with the same data; pools reconnect. */
    public synchronized void startAgain() {
        if (closed) {
            throw new IllegalStateException("the PostgreSQL server at localhost:" + port + " is closed");
        }
        if (!stopped) {
            return;
        }
        long began = System.nanoTime();
        try {
            postgres = builder(port, dataDirectory, temporary, settings).start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL at localhost:" + port + " did not start again", e);
        }
        stopped = false;
        log.info("Real PostgreSQL server at localhost:{} started again in {} ms", port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    public synchronized boolean isRunning() {
        return !closed && !stopped;
    }

    @Override
    public String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** The data directory given to {@link #start(int, Path)}, if any. */
    public Optional<Path> dataDirectory() {
        return temporary ? Optional.empty() : Optional.of(dataDirectory);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ShutdownHooks.remove(shutdownHook);
        if (!stopped) {
            try {
                postgres.close();
                log.info("Real PostgreSQL server at localhost:{} stopped", port);
            } catch (IOException e) {
                log.warn("PostgreSQL at localhost:{} did not stop cleanly", port, e);
            }
        }
        if (temporary) {
            deleteTemporaryData();
        }
    }

    /** The server may still write its last statistics files while it stops: a few tries. */
    private void deleteTemporaryData() {
        for (int attempt = 1; attempt <= 5 && Files.exists(dataDirectory); attempt++) {
            EmbeddedKafkaBroker.deleteRecursively(dataDirectory);
            if (Files.exists(dataDirectory)) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[localhost:" + port + "]";
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running on a persistent data directory, and the next
     * {@code pg_ctl start} there fails. {@code postmaster.pid} names the process and its data directory: stop it
     * (SIGTERM, PostgreSQL's "smart" shutdown: its clients died with that JVM) when it is a {@code postgres}
     * process serving this very directory.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Path servedDirectory = Path.of(lines.get(1).trim());
            boolean ours = Files.exists(servedDirectory) && Files.isSameFile(servedDirectory, dataDirectory);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            boolean postgresProcess = process
                    .flatMap(p -> p.info().command())
                    .map(command -> command.endsWith("/postgres") || command.endsWith("\\postgres.exe"))
                    .orElse(false);
            if (ours && postgresProcess) {
                log.warn("Stopping a PostgreSQL server (pid {}) left running in {} by an earlier run", pid, dataDirectory);
                ProcessHandle handle = process.get();
                handle.destroy();
                handle.onExit().get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("Could not check {} for a PostgreSQL server left running: {}", pidFile, e.toString());
        }
    }
}
