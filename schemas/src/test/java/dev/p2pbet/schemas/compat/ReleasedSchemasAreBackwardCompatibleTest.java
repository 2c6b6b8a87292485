package dev.p2pbet.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.p2pbet.schemas.ValueSchemas;
import dev.p2pbet.schemas.compat.ReleasedSchemas.Released;
import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;

/**
 * The build-time guard of the registry's BACKWARD mode: a schema change that would stop a consumer on the new
 * schema from reading what was already written fails the build here, before any registry refuses it.
 */
class ReleasedSchemasAreBackwardCompatibleTest {

    static Stream<Arguments> everyReleasedVersion() {
        return TopicCatalogue.load().topics().stream()
                .flatMap(topic -> ReleasedSchemas.of(topic.name()).stream()
                        .map(released -> Arguments.of(Named.of(topic.name(), topic),
                                Named.of("v" + released.version(), released))));
    }

    @Test
    void every_catalogue_topic_has_a_released_schema() {
        assertThat(TopicCatalogue.load().topics())
                .allSatisfy(topic -> assertThat(ReleasedSchemas.of(topic.name()))
                        .as("released versions of %s under %s (release with -Dschemas.release=true, see schemas/README.md)",
                                topic.name(), ReleasedSchemas.root().resolve(ReleasedSchemas.subject(topic.name())))
                        .isNotEmpty());
    }

    @Test
    void released_versions_are_numbered_from_1_without_gaps() {
        assertThat(TopicCatalogue.load().topics()).allSatisfy(topic -> {
            var versions = ReleasedSchemas.of(topic.name()).stream().map(Released::version).toList();
            assertThat(versions).as("versions of %s", topic.name())
                    .isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyReleasedVersion")
    void every_released_version_is_the_value_schema_of_its_topic(TopicSpec topic, Released released) {
        assertThat(released.schema().getFullName()).isEqualTo(topic.valueSchema());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyReleasedVersion")
    void the_current_schema_reads_data_written_with_every_released_version(TopicSpec topic, Released released) {
        Schema current = ValueSchemas.current(topic);

        assertThat(BackwardCompatibility.problems(current, released.schema()))
                .as("%s cannot read data written with %s: a BACKWARD-incompatible change", topic.valueSchema(), released.file())
                .isEmpty();
    }
}
