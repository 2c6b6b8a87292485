package dev.p2pbet.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.api.Test;

import dev.p2pbet.schemas.common.Money;

/** The conventions of schemas/README.md, checked on every schema a topic carries. */
class SchemaConventionsTest {

    /** The only plain longs allowed: money inside Money, and the exact-integer line of a selection. */
    private static final Set<String> PLAIN_LONG_FIELDS = Set.of(
            "dev.p2pbet.schemas.common.Money.amount_minor",
            "dev.p2pbet.schemas.bet.Selection.line_tenths");

    private static final Set<String> AREAS = Set.of("common", "bet", "wallet", "game", "settlement");

    @Test
    void every_value_schema_carries_a_uuid_event_id_and_an_occurred_at_timestamp() {
        assertThat(ValueSchemas.byTopic()).allSatisfy((topic, schema) -> {
            assertThat(schema.getField("event_id")).as(topic).isNotNull();
            assertThat(schema.getField("event_id").schema().getLogicalType()).as(topic).isEqualTo(LogicalTypes.uuid());
            assertThat(schema.getField("occurred_at")).as(topic).isNotNull();
            assertThat(schema.getField("occurred_at").schema().getLogicalType()).as(topic)
                    .isEqualTo(LogicalTypes.timestampMillis());
        });
    }

    @Test
    void every_envelope_payload_is_a_union_of_one_record_per_event_kind() {
        assertThat(ValueSchemas.byTopic().values().stream().filter(s -> s.getField("payload") != null))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(envelope -> {
                    Schema payload = envelope.getField("payload").schema();
                    assertThat(payload.getType()).isEqualTo(Schema.Type.UNION);
                    assertThat(payload.getTypes()).allSatisfy(kind ->
                            assertThat(kind.getType()).as(kind.getFullName()).isEqualTo(Schema.Type.RECORD));
                });
    }

    @Test
    void every_type_and_field_is_documented() {
        assertThat(ValueSchemas.namedTypes().values()).allSatisfy(type -> {
            assertThat(type.getDoc()).as(type.getFullName()).isNotBlank();
            if (type.getType() == Schema.Type.RECORD) {
                assertThat(type.getFields()).allSatisfy(field ->
                        assertThat(field.doc()).as(type.getFullName() + "." + field.name()).isNotBlank());
            }
        });
    }

    @Test
    void no_schema_uses_floating_point_numbers() {
        assertThat(everyField()).allSatisfy(field ->
                assertThat(leafTypes(field.schema())).as(field.toString())
                        .doesNotContain(Schema.Type.FLOAT, Schema.Type.DOUBLE));
    }

    @Test
    void money_is_only_ever_the_common_money_record() {
        assertThat(everyField())
                .filteredOn(field -> field.schema().getType() == Schema.Type.LONG
                        || isOptional(field.schema()) && nonNullBranch(field.schema()).getType() == Schema.Type.LONG)
                .filteredOn(field -> !(longType(field.schema()).getLogicalType() instanceof LogicalTypes.TimestampMillis))
                .extracting(Named::toString)
                .containsExactlyInAnyOrderElementsOf(PLAIN_LONG_FIELDS);
        assertThat(Money.getClassSchema().getFullName()).isEqualTo("dev.p2pbet.schemas.common.Money");
    }

    @Test
    void every_optional_field_is_null_first_and_defaults_to_null() {
        assertThat(everyField()).filteredOn(field -> field.schema().getType() == Schema.Type.UNION
                        && field.schema().getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL))
                .allSatisfy(field -> {
                    assertThat(field.schema().getTypes()).as(field.toString()).hasSize(2);
                    assertThat(field.schema().getTypes().getFirst().getType()).as(field.toString()).isEqualTo(Schema.Type.NULL);
                    assertThat(field.field().defaultVal()).as(field.toString()).isEqualTo(JsonProperties.NULL_VALUE);
                });
    }

    @Test
    void every_type_lives_in_the_namespace_of_its_area() {
        assertThat(ValueSchemas.namedTypes().values()).allSatisfy(type ->
                assertThat(type.getNamespace()).as(type.getFullName())
                        .matches("dev\\.p2pbet\\.schemas\\.(" + String.join("|", AREAS) + ")"));
    }

    @Test
    void every_avsc_file_defines_a_type_some_topic_carries() throws IOException {
        Map<String, Schema> carried = ValueSchemas.namedTypes();
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("schemas.avro.dir", "src/main/avro")))) {
            assertThat(files.filter(f -> f.toString().endsWith(".avsc")).toList())
                    .isNotEmpty()
                    .allSatisfy(file -> {
                        String area = file.getParent().getFileName().toString();
                        String type = file.getFileName().toString().replace(".avsc", "");
                        assertThat(carried).as(file.toString()).containsKey("dev.p2pbet.schemas." + area + "." + type);
                    });
        }
    }

    /** A field with the record it belongs to. */
    private record Named(Schema record, Field field) {
        Schema schema() {
            return field.schema();
        }

        @Override
        public String toString() {
            return record.getFullName() + "." + field.name();
        }
    }

    private static List<Named> everyField() {
        List<Named> fields = new ArrayList<>();
        ValueSchemas.records().forEach(record -> record.getFields().forEach(f -> fields.add(new Named(record, f))));
        return fields;
    }

    private static boolean isOptional(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.isNullable();
    }

    private static Schema nonNullBranch(Schema union) {
        return union.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }

    private static Schema longType(Schema schema) {
        return schema.getType() == Schema.Type.UNION ? nonNullBranch(schema) : schema;
    }

    private static List<Schema.Type> leafTypes(Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().flatMap(b -> leafTypes(b).stream()).toList();
            case ARRAY -> leafTypes(schema.getElementType());
            case MAP -> leafTypes(schema.getValueType());
            default -> List.of(schema.getType());
        };
    }
}
