package dev.p2pbet.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.junit.jupiter.api.Test;

import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.BetFailureReason;
import dev.p2pbet.schemas.bet.BetOpened;

/**
 * Shows that the guard works: the changes the registry's BACKWARD mode refuses are reported, the ones it
 * accepts are not. Each test evolves today's BetEvent as a developer would and checks the new schema against it.
 */
class BackwardCompatibilityTest {

    private final Schema released = BetEvent.getClassSchema();

    @Test
    void the_unchanged_schema_is_compatible_with_itself() {
        assertThat(BackwardCompatibility.problems(released, released)).isEmpty();
    }

    @Test
    void a_new_required_field_without_default_is_incompatible() {
        Schema changed = withNewField(released, new Field("tenant_id", Schema.create(Schema.Type.STRING), "Who owns it."));

        assertThat(BackwardCompatibility.problems(changed, released))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT").contains("tenant_id");
    }

    @Test
    void a_new_optional_field_defaulting_to_null_is_compatible() {
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        Schema changed = withNewField(released, new Field("tenant_id", optionalString, "Who owns it.", JsonProperties.NULL_VALUE));

        assertThat(BackwardCompatibility.problems(changed, released)).isEmpty();
    }

    @Test
    void a_field_changing_to_an_unrelated_type_is_incompatible() {
        Schema changed = replacingField(released, "bet_id", Schema.create(Schema.Type.LONG));

        assertThat(BackwardCompatibility.problems(changed, released))
                .singleElement().asString().contains("TYPE_MISMATCH").contains("/fields/2/type");
    }

    @Test
    void a_removed_payload_kind_is_incompatible() {
        Schema payload = released.getField("payload").schema();
        List<Schema> fewerKinds = payload.getTypes().stream()
                .filter(kind -> !kind.getFullName().equals(BetOpened.getClassSchema().getFullName()))
                .toList();
        Schema changed = replacingField(released, "payload", Schema.createUnion(fewerKinds));

        assertThat(BackwardCompatibility.problems(changed, released))
                .singleElement().asString().contains("MISSING_UNION_BRANCH");
    }

    @Test
    void a_new_payload_kind_is_compatible() {
        Schema newKind = Schema.createRecord("BetFeatured", "Shown on the front page.", "dev.p2pbet.schemas.bet", false,
                List.of(new Field("bet_id", Schema.create(Schema.Type.STRING), "The bet.")));
        List<Schema> moreKinds = new ArrayList<>(released.getField("payload").schema().getTypes());
        moreKinds.add(newKind);
        Schema changed = replacingField(released, "payload", Schema.createUnion(moreKinds));

        assertThat(BackwardCompatibility.problems(changed, released)).isEmpty();
    }

    @Test
    void a_removed_enum_symbol_is_incompatible() {
        Schema withSymbol = Schema.createEnum("Reason", "A reason.", "dev.p2pbet.test", List.of("A", "B"));
        Schema withoutSymbol = Schema.createEnum("Reason", "A reason.", "dev.p2pbet.test", List.of("A"));

        assertThat(BackwardCompatibility.problems(withoutSymbol, withSymbol))
                .singleElement().asString().contains("MISSING_ENUM_SYMBOLS");
    }

    @Test
    void a_removed_enum_symbol_is_read_as_the_enum_default_when_it_has_one() {
        Schema reason = BetFailureReason.getClassSchema();
        List<String> fewer = reason.getEnumSymbols().stream().filter(s -> !s.equals("GAME_NOT_OPEN")).toList();
        Schema withoutSymbol = Schema.createEnum(reason.getName(), reason.getDoc(), reason.getNamespace(), fewer, reason.getEnumDefault());

        assertThat(BackwardCompatibility.problems(withoutSymbol, reason)).isEmpty();
    }

    private static Schema withNewField(Schema record, Field newField) {
        List<Field> fields = copyFields(record);
        fields.add(newField);
        return copyWith(record, fields);
    }

    private static Schema replacingField(Schema record, String name, Schema newType) {
        List<Field> fields = new ArrayList<>();
        for (Field field : record.getFields()) {
            fields.add(field.name().equals(name)
                    ? new Field(field.name(), newType, field.doc())
                    : new Field(field, field.schema()));
        }
        return copyWith(record, fields);
    }

    private static List<Field> copyFields(Schema record) {
        List<Field> fields = new ArrayList<>();
        record.getFields().forEach(field -> fields.add(new Field(field, field.schema())));
        return fields;
    }

    private static Schema copyWith(Schema record, List<Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
