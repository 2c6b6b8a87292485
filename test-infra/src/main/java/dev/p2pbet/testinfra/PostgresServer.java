package dev.p2pbet.testinfra;

/** A running, real PostgreSQL server (embedded or container) with one database per service. */
public interface PostgresServer extends AutoCloseable {

    /**
     * The JDBC URL of {@code database}, which is created first when absent (idempotent, thread-safe).
     * Names are lower-case identifiers: {@code bet}, {@code wallet_gateway}, {@code settlement}, ...
     */
    String jdbcUrl(String database);

    String username();

    String password();

    /** Stops the server; idempotent. */
    @Override
    void close();
}
