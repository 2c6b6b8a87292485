package dev.p2pbet.testinfra.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Creates databases on a PostgreSQL server on demand ({@code CREATE DATABASE} when absent) and builds their JDBC
 * URLs. Idempotent and thread-safe; also tolerates another process creating the same database at the same time.
 */
public final class PostgresDatabases {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String username;
    private final String password;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public PostgresDatabases(String host, int port, String adminDatabase, String username, String password) {
        this.host = host;
        this.port = port;
        this.adminDatabase = adminDatabase;
        this.username = username;
        this.password = password;
    }

    /** The JDBC URL of {@code database}, created first if it does not exist. */
    public String jdbcUrl(String database) {
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "Database names are lower-case identifiers ([a-z_][a-z0-9_]*), got: " + database);
        }
        if (!known.contains(database)) {
            synchronized (this) {
                if (!known.contains(database)) {
                    createIfAbsent(database);
                    known.add(database);
                }
            }
        }
        return url(database);
    }

    /** The JDBC URL of a database without creating it. */
    public String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private void createIfAbsent(String database) {
        try (Connection connection = DriverManager.getConnection(url(adminDatabase), username, password)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException e) {
                // Somebody else (another JVM on the same server) created it between our check and our CREATE.
                if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " at " + url(adminDatabase), e);
        }
    }
}
