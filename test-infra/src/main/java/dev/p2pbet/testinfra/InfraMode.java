package dev.p2pbet.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the real infrastructure runs: in containers (Testcontainers, needs a Docker engine) or embedded (a KRaft
 * broker in this JVM, a PostgreSQL server and an Apicurio Registry as child processes; no Docker).
 *
 * <p>{@code P2PBET_INFRA=embedded|containers} (system property or environment variable) forces one; otherwise
 * containers when a Docker engine answers, embedded when not.
 */
public enum InfraMode {

    EMBEDDED, CONTAINERS;

    public static final String SETTING = "P2PBET_INFRA";

    /** The forced mode, if {@code P2PBET_INFRA} (system property first, then environment) says one. */
    public static Optional<InfraMode> forced() {
        String value = Optional.ofNullable(System.getProperty(SETTING))
                .or(() -> Optional.ofNullable(System.getProperty("p2pbet.infra")))
                .or(() -> Optional.ofNullable(System.getenv(SETTING)))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElse(null);
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "embedded" -> Optional.of(EMBEDDED);
            case "containers", "container", "testcontainers", "docker" -> Optional.of(CONTAINERS);
            default -> throw new IllegalArgumentException(SETTING + " must be 'embedded' or 'containers', not '" + value + "'");
        };
    }

    /** The mode to use and why, for the log. */
    public static Choice choose() {
        Optional<InfraMode> forced = forced();
        if (forced.isPresent()) {
            return new Choice(forced.get(), "forced by " + SETTING);
        }
        Optional<String> hint = dockerHint();
        if (hint.isEmpty()) {
            // Asking Testcontainers here would only log an ERROR about a missing Docker environment.
            return new Choice(EMBEDDED, "no Docker engine: no DOCKER_HOST, no Docker socket");
        }
        boolean available;
        try {
            available = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            available = false;
        }
        return available
                ? new Choice(CONTAINERS, "a Docker engine answers (" + hint.get() + ")")
                : new Choice(EMBEDDED, "no Docker engine answers (" + hint.get() + " present, Testcontainers got no answer)");
    }

    /** Some sign that a Docker engine may be configured here, without contacting it. */
    static Optional<String> dockerHint() {
        for (String variable : List.of("DOCKER_HOST", "TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE", "TESTCONTAINERS_HOST_OVERRIDE")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(variable);
            }
        }
        String home = System.getProperty("user.home");
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of(home, ".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                Path.of("/run/docker.sock"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(home, ".rd", "docker.sock"),
                Path.of(home, ".colima", "default", "docker.sock"),
                Path.of("/run/podman/podman.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return Optional.of("Windows: named pipe");
        }
        return candidates.stream().filter(Files::exists).map(Path::toString).findFirst();
    }

    /** A mode and the reason it was chosen. */
    public record Choice(InfraMode mode, String reason) {
    }
}
