package dev.p2pbet.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's own limits, measured in the same run against the same servers, so every figure is also a ratio:
 * pgbench with a bet-insert + outbox-insert transaction at 16 clients, Kafka's ProducerPerformance at acks=all, and
 * a settlement of M rows in plain SQL. They run on a database and a topic of their own.
 */
final class Baselines {

    static final String DATABASE = "load_baseline";
    static final String TOPIC = "load-tests.producer-baseline";

    record Pgbench(double tps, double latencyAverageMs, long transactions, String command) {
    }

    record Producer(double recordsPerSecond, double averageLatencyMs, double p99LatencyMs, long records) {
    }

    record PlainSettlement(long rows, double millis) {

        /** The bets the plain SQL settles per second; NaN when it took no measurable time. */
        double rowsPerSecond() {
            return millis > 0 ? rows * 1000 / millis : Double.NaN;
        }
    }

    private final Path workDir;
    private final String jdbcUrlOfPostgres;
    private final String user;
    private final String password;

    Baselines(Path workDir, String jdbcUrlOfPostgres, String user, String password) {
        this.workDir = workDir;
        this.jdbcUrlOfPostgres = jdbcUrlOfPostgres;
        this.user = user;
        this.password = password;
    }

    private Sql database(String name) {
        return new Sql(jdbcUrlOfPostgres.replaceAll("/[^/?]+(\\?.*)?$", "/" + name + "$1"), user, password);
    }

    /** A database of the baselines' own with the bet service's two write tables (bets, outbox), empty. */
    void prepare() {
        Sql postgres = database("postgres");
        if (postgres.count("SELECT count(*) FROM pg_database WHERE datname = ?", DATABASE) == 0) {
            postgres.execute("CREATE DATABASE " + DATABASE);
        }
        database(DATABASE).execute(
                "DROP TABLE IF EXISTS bets, outbox_record, settle_bets, settle_transfers",
                """
                CREATE TABLE bets (bet_id UUID PRIMARY KEY, game_id TEXT NOT NULL, creator_id TEXT NOT NULL,
                    selection_type TEXT NOT NULL, selection_side TEXT NOT NULL, stake_minor BIGINT NOT NULL,
                    currency CHAR(3) NOT NULL, status TEXT NOT NULL, idempotency_key TEXT,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now(), updated_at TIMESTAMPTZ NOT NULL DEFAULT now())""",
                "CREATE UNIQUE INDEX bets_key ON bets (creator_id, idempotency_key)",
                "CREATE INDEX bets_lobby ON bets (status, game_id, created_at, bet_id)",
                """
                CREATE TABLE outbox_record (id BIGSERIAL PRIMARY KEY, topic TEXT NOT NULL, record_key TEXT NOT NULL,
                    payload BYTEA NOT NULL, headers TEXT NOT NULL DEFAULT '', shard INT NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT now())""",
                "CREATE INDEX outbox_shard ON outbox_record (shard, id)");
    }

    /** pgbench (Debian's client, any version talks to the stack's server) at 16 clients. */
    Pgbench pgbench(java.time.Duration duration) {
        try {
            Path script = workDir.resolve("bet-and-outbox.sql");
            Files.createDirectories(workDir);
            Files.writeString(script, """
                    \\set creator random(1, 100000)
                    BEGIN;
                    INSERT INTO bets (bet_id, game_id, creator_id, selection_type, selection_side, stake_minor, currency, status, idempotency_key)
                      VALUES (gen_random_uuid(), 'g-1', 'u-' || :creator, 'GAME_WINNER', 'HOME', 100, 'USD', 'escrow_pending', gen_random_uuid()::text);
                    INSERT INTO outbox_record (topic, record_key, payload, shard)
                      VALUES ('wallet.transfer-commands', 'u-' || :creator, decode(repeat('ab', 180), 'hex'), :creator % 64);
                    END;
                    """);
            URI url = URI.create(jdbcUrlOfPostgres.substring("jdbc:".length()));
            List<String> command = List.of(pgbenchBinary(), "-n", "-c", "16", "-j", "2", "-T",
                    String.valueOf(duration.toSeconds()), "-f", script.toString(), "-h", url.getHost(), "-p",
                    String.valueOf(url.getPort()), "-U", user, DATABASE);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", password == null ? "" : password);
            String output = runToEnd(builder, duration.toSeconds() + 120);
            Files.writeString(workDir.resolve("pgbench.txt"), output);
            return new Pgbench(find(output, "tps = ([0-9.]+)"), find(output, "latency average = ([0-9.]+) ms"),
                    (long) find(output, "number of transactions actually processed: ([0-9]+)"),
                    String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pgbenchBinary() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "pgbench";
    }

    /** Kafka's own ProducerPerformance, in a child JVM on this module's classpath, against the stack's broker. */
    Producer producerPerformance(String bootstrapServers, int records) {
        createTopic(bootstrapServers);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", String.valueOf(records), "--record-size", "200",
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "linger.ms=5", "batch.size=65536"));
        String output = runToEnd(new ProcessBuilder(command).redirectErrorStream(true), 600);
        try {
            Files.writeString(workDir.resolve("producer-performance.txt"), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the summary line: "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, p50 ms 50th, ..., p99 ms 99th, ..."
        Matcher summary = Pattern.compile("([0-9]+) records sent, ([0-9.]+) records/sec \\([0-9.]+ MB/sec\\), "
                + "([0-9.]+) ms avg latency, [0-9.]+ ms max latency, [0-9.]+ ms 50th, [0-9.]+ ms 95th, ([0-9.]+) ms 99th")
                .matcher(output);
        if (!summary.find()) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return new Producer(Double.parseDouble(summary.group(2)), Double.parseDouble(summary.group(3)),
                Double.parseDouble(summary.group(4)), Long.parseLong(summary.group(1)));
    }

    /**
     * M matched bets settled in plain SQL, set-based in one transaction: decide every bet, insert its payout and fee
     * transfers, mark it paid. What the settlement service does minus Kafka, the audit and the provider.
     */
    PlainSettlement plainSettlement(int rows) {
        Sql baseline = database(DATABASE);
        baseline.execute("""
                CREATE TABLE settle_bets (bet_id BIGINT PRIMARY KEY, game_id TEXT NOT NULL, creator_id TEXT NOT NULL,
                    acceptor_id TEXT NOT NULL, side TEXT NOT NULL, stake_minor BIGINT NOT NULL, status TEXT NOT NULL,
                    winner_id TEXT, payout_minor BIGINT, fee_minor BIGINT)""",
                """
                CREATE TABLE settle_transfers (transfer_id TEXT PRIMARY KEY, bet_id BIGINT NOT NULL, purpose TEXT NOT NULL,
                    user_id TEXT, amount_minor BIGINT NOT NULL)""",
                "INSERT INTO settle_bets SELECT i, 'g', 'c' || i % 100, 'a' || i % 100, 'HOME', 100, 'matched' FROM generate_series(1, "
                        + rows + ") i",
                "ANALYZE settle_bets");
        try (Connection connection = baseline.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            long began = System.nanoTime();
            statement.execute("""
                    UPDATE settle_bets SET status = 'paid',
                        winner_id = CASE WHEN side = 'HOME' THEN creator_id ELSE acceptor_id END,
                        fee_minor = (2 * stake_minor * 250) / 10000,
                        payout_minor = 2 * stake_minor - (2 * stake_minor * 250) / 10000
                    WHERE game_id = 'g' AND status = 'matched'""");
            statement.execute("""
                    INSERT INTO settle_transfers
                    SELECT bet_id || ':payout', bet_id, 'PAYOUT', winner_id, payout_minor FROM settle_bets WHERE game_id = 'g'
                    UNION ALL
                    SELECT bet_id || ':fee', bet_id, 'FEE', NULL, fee_minor FROM settle_bets WHERE game_id = 'g'""");
            connection.commit();
            return new PlainSettlement(rows, (System.nanoTime() - began) / 1e6);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("plain-SQL settlement failed: " + e.getMessage(), e);
        }
    }

    /** Created beforehand, so the measured run does not include the topic's auto-creation. */
    private static void createTopic(String bootstrapServers) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.<String, Object>of(
                "bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC, e);
            }
        }
    }

    private static double find(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no '" + regex + "' in:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static String runToEnd(ProcessBuilder builder, long timeoutSeconds) {
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " did not end in " + timeoutSeconds + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(builder.command().getFirst() + " failed (" + process.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
