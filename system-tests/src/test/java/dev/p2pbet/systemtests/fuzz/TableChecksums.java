package dev.p2pbet.systemtests.fuzz;

import dev.p2pbet.systemtests.support.SystemUnderTest;
import dev.p2pbet.systemtests.support.Waits;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The row count and a checksum of every row of every table of the platform's databases (the services' and the wallet
 * provider's): equal before and after means nothing was written, updated or deleted.
 */
final class TableChecksums {

    static final List<String> DATABASES = List.of("bet", "wallet_gateway", "settlement", "stats", "wallet_simulator");

    /** Table ({@code database.schema.table}) to its rows and checksum. */
    record Snapshot(Map<String, Table> tables) {

        long rows() {
            return tables.values().stream().mapToLong(Table::rows).sum();
        }

        /** The tables whose rows differ from {@code before}'s, with both. */
        List<String> changedSince(Snapshot before) {
            List<String> changed = new ArrayList<>();
            TreeSet<String> names = new TreeSet<>(before.tables.keySet());
            names.addAll(tables.keySet());
            for (String name : names) {
                Table was = before.tables.get(name);
                Table now = tables.get(name);
                if (!Objects.equals(was, now)) {
                    changed.add(name + ": " + was + " -> " + now);
                }
            }
            return changed;
        }
    }

    record Table(long rows, String checksum) {

        @Override
        public String toString() {
            return rows + " rows (" + checksum.substring(0, Math.min(8, checksum.length())) + ")";
        }
    }

    private final SystemUnderTest sut;

    TableChecksums(SystemUnderTest sut) {
        this.sut = sut;
    }

    Snapshot take() {
        Map<String, Table> tables = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection connection = sut.database(database); Statement statement = connection.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("""
                        SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                        ORDER BY 1""")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String name : names) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(t::text), "
                            + "',' ORDER BY md5(t::text))), '') FROM " + name + " t")) {
                        rs.next();
                        tables.put(database + "." + name, new Table(rs.getLong(1), rs.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the tables of " + database, e);
            }
        }
        return new Snapshot(tables);
    }

    /** A snapshot once two in a row, {@code pause} apart, are equal: the platform has finished earlier work. */
    Snapshot settled(Duration timeout, Duration pause) {
        Snapshot[] last = {take()};
        return Waits.until("the platform's tables to stop changing", timeout, () -> {
            Waits.sleep(pause);
            Snapshot previous = last[0];
            last[0] = take();
            return new Snapshot[] {previous, last[0]};
        }, pair -> pair[1].changedSince(pair[0]).isEmpty(), pair -> String.join("; ", pair[1].changedSince(pair[0])))[1];
    }
}
