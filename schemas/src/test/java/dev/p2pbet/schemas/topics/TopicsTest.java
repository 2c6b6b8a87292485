package dev.p2pbet.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import dev.p2pbet.schemas.ValueSchemas;

class TopicsTest {

    private final TopicCatalogue catalogue = TopicCatalogue.load();

    @Test
    void every_topics_constant_is_in_the_catalogue() {
        assertThat(topicsConstants()).allSatisfy(name ->
                assertThat(catalogue.byName(name).name()).isEqualTo(name));
    }

    @Test
    void every_catalogue_topic_has_a_topics_constant() {
        assertThat(catalogue.topics()).extracting(TopicSpec::name)
                .containsExactlyInAnyOrderElementsOf(topicsConstants());
    }

    @Test
    void every_value_schema_is_a_record_class_generated_from_the_avsc_files() {
        assertThat(catalogue.topics()).allSatisfy(topic ->
                assertThat(ValueSchemas.valueClass(topic)).as(topic.name()).isAssignableTo(SpecificRecord.class));
    }

    @Test
    void every_value_schema_belongs_to_one_topic() {
        assertThat(catalogue.topics()).extracting(TopicSpec::valueSchema).doesNotHaveDuplicates();
    }

    private static List<String> topicsConstants() {
        return Arrays.stream(Topics.class.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class)
                .map(TopicsTest::value)
                .toList();
    }

    private static String value(Field constant) {
        try {
            return (String) constant.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
