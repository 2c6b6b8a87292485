package dev.p2pbet.testinfra.containers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.p2pbet.testinfra.PostgresServer;
import dev.p2pbet.testinfra.support.PostgresDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL server ({@code postgres:17}, the major version of the embedded binaries) in a container started
 * by Testcontainers; databases are created on demand by {@link #jdbcUrl(String)}. Needs a Docker engine.
 */
public final class PostgresContainerServer implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresContainerServer.class);

    private final PostgreSQLContainer container;
    private final PostgresDatabases databases;
    private boolean closed;

    private PostgresContainerServer(PostgreSQLContainer container) {
        this.container = container;
        this.databases = new PostgresDatabases(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(), container.getUsername(), container.getPassword());
    }

    /** {@code postgres:17}; {@code -Dp2pbet.infra.postgres-image=...} overrides it. */
    public static String image() {
        return System.getProperty("p2pbet.infra.postgres-image", "postgres:17");
    }

    public static PostgresContainerServer start() {
        long started = System.nanoTime();
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image())
                .asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off", "-c", "full_page_writes=off")
                .withStartupTimeout(Duration.ofMinutes(2));
        container.start();
        PostgresContainerServer server = new PostgresContainerServer(container);
        log.info("Real PostgreSQL server (container {}) up at {}:{} in {} ms (JDBC {})", image(), container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), server.databases.url("<database>"));
        return server;
    }

    @Override
    public String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    public PostgreSQLContainer container() {
        return container;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            container.stop();
        }
    }
}
