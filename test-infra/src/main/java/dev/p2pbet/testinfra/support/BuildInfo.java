package dev.p2pbet.testinfra.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Values Maven wrote into {@code dev/p2pbet/testinfra/build.properties} when test-infra was built. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    /** The Apicurio Registry version whose runner zip and image are used, e.g. {@code 2.6.13.Final}. */
    public static String apicurioVersion() {
        return required("apicurio.version");
    }

    /** The Kafka version the project builds against (and whose image the container path uses). */
    public static String kafkaVersion() {
        return required("kafka.version");
    }

    /** The local Maven repository of the build that produced test-infra, if Maven filled it in. */
    public static Optional<Path> mavenLocalRepository() {
        return value("maven.local-repository").map(Path::of);
    }

    private static String required(String key) {
        return value(key).orElseThrow(() -> new IllegalStateException(
                "dev/p2pbet/testinfra/build.properties lacks " + key + " (was test-infra built by Maven?)"));
    }

    private static Optional<String> value(String key) {
        String value = PROPERTIES.getProperty(key);
        // An unfiltered placeholder ("${...}") counts as absent.
        if (value == null || value.isBlank() || value.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/p2pbet/testinfra/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
