package dev.p2pbet.localstack;

import java.io.IOException;
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

/** One service of the platform running as a child JVM, its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformModule module;
    private final Process process;
    private final Path log;

    private ServiceProcess(PlatformModule module, Process process, Path log) {
        this.module = module;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(PlatformModule module, Path projectRoot, Path logDir, Map<String, String> env)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(module.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xms64m");
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(module.jar(projectRoot).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(module.port()));
        return new ServiceProcess(module, builder.start(), log);
    }

    /** Readiness as the orchestrator would read it: {@code /actuator/health/readiness} answers UP. */
    boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(module.name() + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(module.baseUrl() + "/actuator/health/readiness"))
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

    PlatformModule module() {
        return module;
    }

    Path log() {
        return log;
    }

    /** Asks the service to shut down gracefully (SIGTERM) without waiting. */
    void requestStop() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    @Override
    public void close() {
        requestStop();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
