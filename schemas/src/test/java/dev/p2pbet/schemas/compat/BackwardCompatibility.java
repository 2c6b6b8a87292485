package dev.p2pbet.schemas.compat;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's BACKWARD rule, as the registry applies it per subject: consumers on the new schema must read every
 * record written with an older one. Checked against all released versions, that is BACKWARD_TRANSITIVE.
 */
final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /** Why {@code reader} cannot read data written with {@code writer}; empty when it can. */
    static List<String> problems(Schema reader, Schema writer) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream()
                .map(problem -> problem.getType() + " at " + problem.getLocation() + ": " + problem.getMessage())
                .toList();
    }
}
