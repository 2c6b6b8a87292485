package dev.p2pbet.schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;

/** The current (generated) value schema of each catalogue topic, and the named types they reach. */
public final class ValueSchemas {

    private ValueSchemas() {
    }

    /** The value schema of the topic, taken from the generated class its catalogue entry names. */
    public static Schema current(TopicSpec topic) {
        return SpecificData.get().getSchema(valueClass(topic));
    }

    public static Class<?> valueClass(TopicSpec topic) {
        try {
            return Class.forName(topic.valueSchema());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(topic.name() + ": value schema " + topic.valueSchema() + " is not a generated class", e);
        }
    }

    /** Value schema of every catalogue topic, by topic name. */
    public static Map<String, Schema> byTopic() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        TopicCatalogue.load().topics().forEach(topic -> schemas.put(topic.name(), current(topic)));
        return schemas;
    }

    /** Every record and enum reachable from the topics' value schemas, by full name. */
    public static Map<String, Schema> namedTypes() {
        Map<String, Schema> named = new LinkedHashMap<>();
        byTopic().values().forEach(schema -> collect(schema, named));
        return named;
    }

    /** Every record reachable from the topics' value schemas. */
    public static List<Schema> records() {
        List<Schema> records = new ArrayList<>();
        namedTypes().values().stream().filter(s -> s.getType() == Schema.Type.RECORD).forEach(records::add);
        return records;
    }

    private static void collect(Schema schema, Map<String, Schema> named) {
        switch (schema.getType()) {
            case RECORD -> {
                if (named.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(field -> collect(field.schema(), named));
                }
            }
            case ENUM, FIXED -> named.putIfAbsent(schema.getFullName(), schema);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, named));
            case ARRAY -> collect(schema.getElementType(), named);
            case MAP -> collect(schema.getValueType(), named);
            default -> {
            }
        }
    }
}
