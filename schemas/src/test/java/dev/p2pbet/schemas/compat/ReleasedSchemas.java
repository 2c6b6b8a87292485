package dev.p2pbet.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The released versions of each value schema: {@code src/main/released/<topic>-value/v<N>.avsc}, one directory
 * per registry subject (topic-name strategy), each file the full self-contained schema as it was released.
 */
final class ReleasedSchemas {

    /** Set by the surefire configuration to the module's src/main/released. */
    static final String DIR_PROPERTY = "schemas.released.dir";

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    record Released(String subject, int version, Path file, Schema schema) {
    }

    private ReleasedSchemas() {
    }

    static Path root() {
        return Path.of(System.getProperty(DIR_PROPERTY, "src/main/released"));
    }

    static String subject(String topic) {
        return topic + "-value";
    }

    /** The released versions of the topic's value schema, oldest first; empty when none. */
    static List<Released> of(String topic) {
        Path dir = root().resolve(subject(topic));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> read(topic, file))
                    .sorted(Comparator.comparingInt(Released::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Released> latest(String topic) {
        List<Released> versions = of(topic);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** Writes {@code schema} as the topic's next version and returns the file. */
    static Path release(String topic, Schema schema) {
        int next = latest(topic).map(Released::version).orElse(0) + 1;
        Path file = root().resolve(subject(topic)).resolve("v" + next + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(true) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Released read(String topic, Path file) {
        Matcher name = VERSION_FILE.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException("not a released schema file (v<N>.avsc): " + file);
        }
        try {
            Schema schema = new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
            return new Released(subject(topic), Integer.parseInt(name.group(1)), file, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
