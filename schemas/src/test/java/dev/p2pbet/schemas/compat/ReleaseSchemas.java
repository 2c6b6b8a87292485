package dev.p2pbet.schemas.compat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

import dev.p2pbet.schemas.ValueSchemas;
import dev.p2pbet.schemas.compat.ReleasedSchemas.Released;
import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;

/**
 * The release step, run on purpose (see schemas/README.md):
 * {@code ./mvnw -B -pl schemas test-compile exec:java@release-schemas}.
 * For every catalogue topic whose current value schema differs from its latest released version, or that has
 * none, it writes the current schema as the next {@code src/main/released/<topic>-value/v<N>.avsc}, after
 * checking that the current schema reads every released version. Without a schema change it writes nothing.
 */
public final class ReleaseSchemas {

    private ReleaseSchemas() {
    }

    public static void main(String[] args) {
        List<String> refused = new ArrayList<>();
        for (TopicSpec topic : TopicCatalogue.load().topics()) {
            Schema current = ValueSchemas.current(topic);
            List<Released> released = ReleasedSchemas.of(topic.name());
            if (!released.isEmpty() && released.getLast().schema().toString().equals(current.toString())) {
                System.out.println("unchanged " + topic.name() + " (v" + released.getLast().version() + ")");
                continue;
            }
            List<String> problems = released.stream()
                    .flatMap(version -> BackwardCompatibility.problems(current, version.schema()).stream()
                            .map(problem -> "cannot read v" + version.version() + ": " + problem))
                    .toList();
            if (!problems.isEmpty()) {
                refused.add(topic.name() + ":\n  " + String.join("\n  ", problems));
                continue;
            }
            Path file = ReleasedSchemas.release(topic.name(), current);
            System.out.println("released " + topic.name() + " as " + file);
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("not released, BACKWARD-incompatible:\n" + String.join("\n", refused));
        }
    }
}
