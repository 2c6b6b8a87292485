package dev.p2pbet.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./platform run` as a user runs it (the executable jar in a JVM of its own, on free ports and a state directory of
 * the test's), stopped with SIGTERM, as Ctrl-C or a terminal closing would: whatever it had started must stop too.
 * Needs the services' jars in their {@code target/} (the reactor builds them before this module).
 */
class LocalStackStopIT {

    private static final Duration STARTING_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path state;

    @Test
    void sigterm_while_the_platform_is_still_starting_leaves_no_server_or_service_running() throws Exception {
        Path output = state.resolve("launcher.out");
        Process launcher = launch(output);
        List<ProcessHandle> children = List.of();
        try {
            awaitLine(launcher, output, "Starting bet-service");
            children = launcher.descendants().toList();
            assertThat(children).as("the servers and services started so far").isNotEmpty();

            launcher.destroy();

            assertThat(launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the launcher ended").isTrue();
            assertThat(stillAlive(children, Duration.ofSeconds(30))).as("processes left running").isEmpty();
            assertThat(Files.readString(output)).contains("Platform stopped.");
        } finally {
            launcher.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private Process launch(Path output) throws IOException {
        Path moduleDir = Path.of("").toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Dp2pbet.project-root=" + moduleDir.getParent(),
                "-D" + Platform.STATE_DIR_PROPERTY + "=" + state.resolve("stack"),
                "-jar", execJar(moduleDir.resolve("target")).toString(), "run", "--free-ports")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static Path execJar(Path target) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "local-stack-*-exec.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("no local-stack-*-exec.jar in " + target + ": run the package phase first");
    }

    private static void awaitLine(Process launcher, Path output, String line) {
        await().atMost(STARTING_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .failFast("the launcher ended", () -> !launcher.isAlive())
                .untilAsserted(() -> assertThat(Files.readString(output, StandardCharsets.UTF_8))
                        .as("the launcher's output").contains(line));
    }

    /** What is still alive after {@code patience}, described by its pid and command line. */
    private static List<String> stillAlive(List<ProcessHandle> processes, Duration patience) {
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(200))
                    .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        } catch (ConditionTimeoutException stillRunning) {
            // Described below.
        }
        return processes.stream().filter(ProcessHandle::isAlive)
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList();
    }
}
