package dev.p2pbet.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** A runnable module of the platform: its folder, database and HTTP port on the local stack. */
record PlatformModule(String name, String database, int port) {

    /** The Spring Boot jar `./mvnw package` leaves in the module's target folder. */
    Path jar(Path projectRoot) {
        Path target = projectRoot.resolve(name).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(name + "-[^-]+.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> missingJar(target));
        } catch (java.io.IOException e) {
            throw missingJar(target);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private IllegalStateException missingJar(Path target) {
        return new IllegalStateException("No jar of " + name + " in " + target + ": run ./mvnw -DskipTests package first");
    }
}
