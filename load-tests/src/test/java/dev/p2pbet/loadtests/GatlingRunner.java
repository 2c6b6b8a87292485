package dev.p2pbet.loadtests;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Runs one Gatling simulation in this JVM; its HTML report stays under the results directory. */
final class GatlingRunner {

    private final Path resultsDir;

    GatlingRunner(Path resultsDir) {
        this.resultsDir = resultsDir;
    }

    /** Latency and throughput of one request name, from the response times Gatling measured. */
    record RequestStats(String name, long total, long ok, long ko, double p50, double p95, double p99, double p999,
                        double meanPerSecond) {

        double errorShare() {
            return total == 0 ? 0 : (double) ko / total;
        }
    }

    /** Where Gatling wrote its HTML report. */
    record Report(Path directory) {
    }

    Report run(Class<? extends Simulation> simulation) {
        try {
            Files.createDirectories(resultsDir);
            long startedAt = System.currentTimeMillis();
            int status;
            try {
                status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                        "-s", simulation.getName(), "-rf", resultsDir.toString(), "-rd", "p2pbet load-tests"});
            } finally {
                LoggingAfterGatling.restore();
            }
            if (status != 0) {
                throw new IllegalStateException(simulation.getSimpleName() + " ended with Gatling status " + status);
            }
            Path report;
            try (Stream<Path> runs = Files.list(resultsDir)) {
                report = runs.filter(Files::isDirectory)
                        .filter(dir -> dir.getFileName().toString().startsWith(simulation.getSimpleName().toLowerCase()))
                        .filter(dir -> dir.toFile().lastModified() >= startedAt - 1_000)
                        .max(Comparator.comparingLong(dir -> dir.toFile().lastModified()))
                        .orElseThrow(() -> new IllegalStateException("no Gatling report for " + simulation.getName()));
            }
            return new Report(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
