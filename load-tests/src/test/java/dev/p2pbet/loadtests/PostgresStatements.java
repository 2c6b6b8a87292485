package dev.p2pbet.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What PostgreSQL worked on in a window, by database and statement ({@code pg_stat_statements}, preloaded into the
 * load stack's server): the profile behind PostgreSQL's share of an operation's CPU, which the services' JFR
 * recordings cannot see. The harness's own reads (counts, percentiles) are in it too, as they are in that CPU.
 */
final class PostgresStatements {

    /** Server settings that load the statistics; they take effect only when the server starts. */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.max", "5000");

    private static final int TOP = 5;

    /** One statement's work in a window. */
    record Statement(String database, String query, long calls, double execMs, long rows) {
    }

    /** Transactions per database when a window began. */
    record Window(Map<String, Long> transactions) {
    }

    private final Sql postgres;
    private final Path profilesDir;

    PostgresStatements(Sql postgres, Path profilesDir) {
        this.postgres = postgres;
        this.profilesDir = profilesDir;
        postgres.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /** Forgets every statement so far and notes each database's transactions. */
    Window begin() {
        postgres.execute("SELECT pg_stat_statements_reset()");
        return new Window(transactions());
    }

    /**
     * Writes {@code profiles/postgres-statements-<name>.txt} (every statement, by database, per operation) and
     * returns its summary: transactions, statements and execution time per operation, each database's, and the
     * statements that took the most time.
     */
    String end(Window window, String name, String scenario, long operations) {
        Map<String, Long> transactions = new LinkedHashMap<>();
        transactions().forEach((database, count) ->
                transactions.put(database, count - window.transactions().getOrDefault(database, 0L)));
        List<Statement> statements = statements();
        Path file = profilesDir.resolve("postgres-statements-" + name + ".txt");
        write(file, scenario, operations, transactions, statements);
        return summary(scenario, file.getFileName().toString(), operations, transactions, statements);
    }

    static String summary(String scenario, String file, long operations, Map<String, Long> transactions,
                          List<Statement> statements) {
        double per = Math.max(1, operations);
        Map<String, List<Statement>> byDatabase = byDatabase(statements);
        String databases = byDatabase.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, List<Statement>> e) -> -execMs(e.getValue())))
                .map(e -> String.format("%s %.1f transactions, %.1f statements, %.2f ms", e.getKey(),
                        transactions.getOrDefault(e.getKey(), 0L) / per, calls(e.getValue()) / per,
                        execMs(e.getValue()) / per))
                .collect(Collectors.joining("; "));
        String top = statements.stream().limit(TOP)
                .map(s -> String.format("%s `%s` %.2f ms in %.1f calls", s.database(), shortened(s.query(), 90),
                        s.execMs() / per, s.calls() / per))
                .collect(Collectors.joining("; "));
        long allTransactions = transactions.values().stream().mapToLong(Long::longValue).sum();
        return String.format("PostgreSQL over the %s, per operation (`pg_stat_statements`, `profiles/%s`): "
                        + "%.1f transactions, %.1f statements, %.2f ms executing them; by database: %s; the most "
                        + "time: %s", scenario, file, allTransactions / per, calls(statements) / per,
                execMs(statements) / per, databases, top);
    }

    private static void write(Path file, String scenario, long operations, Map<String, Long> transactions,
                              List<Statement> statements) {
        double per = Math.max(1, operations);
        List<String> lines = new ArrayList<>();
        lines.add("PostgreSQL statements over the " + scenario + ", " + operations + " operations (pg_stat_statements; "
                + "execution time only: parsing, planning and the wire protocol are not in it)");
        byDatabase(statements).forEach((database, list) -> {
            lines.add("");
            lines.add(String.format("== %s: %.2f transactions, %.2f statements, %.3f ms executing per operation",
                    database, transactions.getOrDefault(database, 0L) / per, calls(list) / per, execMs(list) / per));
            lines.add(String.format("%10s %10s %10s %9s  %s", "calls/op", "ms/op", "mean ms", "rows/call", "query"));
            for (Statement s : list) {
                lines.add(String.format("%10.2f %10.3f %10.3f %9.1f  %s", s.calls() / per, s.execMs() / per,
                        s.execMs() / Math.max(1, s.calls()), s.rows() / (double) Math.max(1, s.calls()),
                        shortened(s.query(), 400)));
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Statement> statements() {
        return postgres.rows("""
                        SELECT d.datname, s.query, s.calls, s.total_exec_time, s.rows
                        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                        WHERE s.query NOT LIKE '%pg_stat_statements%'
                        ORDER BY s.total_exec_time DESC""").stream()
                .map(r -> new Statement((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[3]).doubleValue(), ((Number) r[4]).longValue()))
                .toList();
    }

    private Map<String, Long> transactions() {
        Map<String, Long> transactions = new LinkedHashMap<>();
        postgres.rows("SELECT datname, xact_commit + xact_rollback FROM pg_stat_database WHERE datname IS NOT NULL")
                .forEach(r -> transactions.put((String) r[0], ((Number) r[1]).longValue()));
        return transactions;
    }

    private static Map<String, List<Statement>> byDatabase(List<Statement> statements) {
        return statements.stream().collect(Collectors.groupingBy(Statement::database, LinkedHashMap::new,
                Collectors.toList()));
    }

    private static long calls(List<Statement> statements) {
        return statements.stream().mapToLong(Statement::calls).sum();
    }

    private static double execMs(List<Statement> statements) {
        return statements.stream().mapToDouble(Statement::execMs).sum();
    }

    static String shortened(String query, int length) {
        String oneLine = query.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= length ? oneLine : oneLine.substring(0, length - 3) + "...";
    }
}
