package dev.p2pbet.testinfra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spring Boot jar running as a child JVM (a service of the local stack, or the wallet
 * simulator in another module's tests), its output in a log file. It can be stopped gracefully,
 * killed with SIGKILL (crash tests) and started again on the same port.
 */
public final class SpringBootProcess implements AutoCloseable {

    /** Environment entry whose value replaces the child JVM's default options (split on whitespace). */
    public static final String JVM_OPTIONS = "P2PBET_JVM_OPTIONS";

    private static final Logger log = LoggerFactory.getLogger(SpringBootProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Path logFile;
    private final Map<String, String> env;
    private Process process;

    private SpringBootProcess(String name, Path jar, int port, Path logFile, Map<String, String> env) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.logFile = logFile;
        this.env = Map.copyOf(env);
    }

    /** Starts {@code jar} on {@code port} with {@code env} (Spring reads SPRING_*, SERVER_PORT, ... from it). */
    public static SpringBootProcess start(String name, Path jar, int port, Path logFile, Map<String, String> env) {
        SpringBootProcess child = new SpringBootProcess(name, jar, port, logFile, env);
        child.launch();
        return child;
    }

    /** The Spring Boot jar a module's `package` leaves in {@code moduleDir/target}. */
    public static Path bootJar(Path moduleDir) {
        Path target = moduleDir.resolve("target");
        String module = moduleDir.getFileName().toString();
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(module) + "-[0-9].*\\.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> missingJar(target));
        } catch (IOException e) {
            throw missingJar(target);
        }
    }

    private static IllegalStateException missingJar(Path target) {
        return new IllegalStateException("No Spring Boot jar in " + target + ": run ./mvnw -DskipTests package first");
    }

    private void launch() {
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions());
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            process = builder.start();
            log.info("Started {} (pid {}) on port {}, log {}", name, process.pid(), port, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Start-up flags (C1 only, SerialGC, a small heap) suit tests, which start many JVMs and give each little work;
     * a run under load (the benchmarks) passes its own in {@value #JVM_OPTIONS} of the environment.
     */
    private List<String> jvmOptions() {
        String options = env.get(JVM_OPTIONS);
        if (options == null || options.isBlank()) {
            return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        }
        return List.of(options.trim().split("\\s+"));
    }

    /** Readiness as an orchestrator reads it: {@code /actuator/health/readiness} answers UP. */
    public boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until ready, failing with the log's location after {@code timeout}. */
    public SpringBootProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout + "; see " + logFile);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        return this;
    }

    /** Asks for a graceful shutdown (SIGTERM) without waiting. */
    public void requestStop() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** SIGKILL: the process dies wherever it is, as in a crash. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
    }

    /** Starts the same jar again, same port and environment (after {@link #kill()} or {@link #close()}). */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    public String name() {
        return name;
    }

    /** The running JVM's process id (a new one after {@link #restart()}). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        requestStop();
        if (!waitForExit(Duration.ofSeconds(20))) {
            process.destroyForcibly();
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
