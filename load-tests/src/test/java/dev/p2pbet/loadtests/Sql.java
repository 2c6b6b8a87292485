package dev.p2pbet.loadtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on one of the stack's databases: the run reads the services' own timestamps and counts from here. One
 * connection, kept: the waits ask several times a second, and a connection each time was a PostgreSQL backend started
 * each time, charged to the platform's CPU.
 */
final class Sql {

    private final String url;
    private final String user;
    private final String password;
    private Connection kept;

    Sql(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    long count(String sql, Object... params) {
        Double value = number(sql, params);
        return value == null ? 0 : value.longValue();
    }

    /** The first column of the first row as a number (null when SQL NULL). */
    Double number(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        if (rows.isEmpty() || rows.getFirst()[0] == null) {
            return null;
        }
        return ((Number) rows.getFirst()[0]).doubleValue();
    }

    synchronized List<Object[]> rows(String sql, Object... params) {
        try (PreparedStatement statement = kept().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            forget();
            throw new IllegalStateException("SQL failed on " + url + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    synchronized void execute(String... statements) {
        try (var statement = kept().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            forget();
            throw new IllegalStateException("SQL failed on " + url + ": " + e.getMessage(), e);
        }
    }

    private Connection kept() throws SQLException {
        if (kept == null) {
            kept = connect();
        }
        return kept;
    }

    /** After a failure the next statement opens a new connection (the server may have been restarted). */
    private void forget() {
        try {
            if (kept != null) {
                kept.close();
            }
        } catch (SQLException e) {
            // it is broken already
        }
        kept = null;
    }

    /** p50, p95, p99, p99.9 of a column of milliseconds. */
    Percentiles percentiles(String millisExpression, String fromWhere, Object... params) {
        List<Object[]> rows = rows("SELECT count(*), percentile_cont(ARRAY[0.5, 0.95, 0.99, 0.999]) WITHIN GROUP (ORDER BY "
                + millisExpression + ") " + fromWhere, params);
        Object[] row = rows.getFirst();
        long count = ((Number) row[0]).longValue();
        if (count == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        try {
            Object[] values = (Object[]) ((java.sql.Array) row[1]).getArray();
            return new Percentiles(count, ((Number) values[0]).doubleValue(), ((Number) values[1]).doubleValue(),
                    ((Number) values[2]).doubleValue(), ((Number) values[3]).doubleValue());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Percentiles(long count, double p50, double p95, double p99, double p999) {

        /** Nearest-rank percentiles of values sorted in ascending order. */
        static Percentiles ofSorted(double[] sorted) {
            if (sorted.length == 0) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Percentiles(sorted.length, rank(sorted, 0.5), rank(sorted, 0.95), rank(sorted, 0.99),
                    rank(sorted, 0.999));
        }

        private static double rank(double[] sorted, double quantile) {
            return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1))];
        }

        @Override
        public String toString() {
            return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (n=%d)", p50, p95, p99, p999, count);
        }
    }
}
