package dev.p2pbet.schemas.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every topic of the platform, read from {@value #RESOURCE} on the classpath: the single declaration that the
 * dev admin client, the Kubernetes {@code KafkaTopic} resources and the docs are built from.
 * {@link #load()} gives the dev/test settings; {@link #forProduction()} the same topics with production replication.
 */
public final class TopicCatalogue {

    public static final String RESOURCE = "topic-catalogue.yaml";
    public static final String FOREVER = "forever";

    private static final Set<String> REQUIRED_FIELDS = Set.of("name", "key", "value_schema", "partitions",
            "replication_factor", "prod_replication_factor", "retention", "cleanup_policy", "dlt");
    private static final Set<String> DOCUMENTATION_FIELDS = Set.of("producers", "consumers", "description");

    private final Map<String, TopicSpec> topicsByName;
    private final Map<String, Integer> prodReplicationByName;

    private TopicCatalogue(Map<String, TopicSpec> topicsByName, Map<String, Integer> prodReplicationByName) {
        this.topicsByName = topicsByName;
        this.prodReplicationByName = prodReplicationByName;
    }

    /** The catalogue on the classpath, with dev/test replication. */
    public static TopicCatalogue load() {
        try (InputStream in = TopicCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a catalogue in the format of {@value #RESOURCE}.
     *
     * @throws IllegalArgumentException when a topic lacks a field, has an unknown one, has an invalid value or is
     *                                  declared twice
     */
    public static TopicCatalogue parse(Reader yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> root) || !(root.get("topics") instanceof List<?> entries)) {
            throw new IllegalArgumentException("a topic catalogue is a map with a 'topics' list");
        }
        Map<String, TopicSpec> topics = new LinkedHashMap<>();
        Map<String, Integer> prodReplication = new LinkedHashMap<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("every topic is a map of fields, found: " + entry);
            }
            TopicSpec topic = toSpec(fields);
            if (topics.putIfAbsent(topic.name(), topic) != null) {
                throw new IllegalArgumentException("topic declared twice: " + topic.name());
            }
            prodReplication.put(topic.name(), integer(fields, "prod_replication_factor", topic.name()));
        }
        return new TopicCatalogue(topics, prodReplication);
    }

    /** Every topic, in catalogue order (without their DLTs). */
    public List<TopicSpec> topics() {
        return List.copyOf(topicsByName.values());
    }

    /** Every topic followed by its DLT when it has one: all the topics to create. */
    public List<TopicSpec> topicsWithDlts() {
        List<TopicSpec> all = new ArrayList<>();
        for (TopicSpec topic : topicsByName.values()) {
            all.add(topic);
            if (topic.dlt()) {
                all.add(topic.dltSpec());
            }
        }
        return List.copyOf(all);
    }

    /**
     * The topic of that name.
     *
     * @throws IllegalArgumentException when the catalogue has no such topic
     */
    public TopicSpec byName(String name) {
        TopicSpec topic = topicsByName.get(name);
        if (topic == null) {
            throw new IllegalArgumentException("no topic '" + name + "' in the catalogue; known: " + topicsByName.keySet());
        }
        return topic;
    }

    /** The same topics with their production replication factor. */
    public TopicCatalogue forProduction() {
        Map<String, TopicSpec> prod = new LinkedHashMap<>();
        topicsByName.forEach((name, topic) ->
                prod.put(name, topic.withReplicationFactor(prodReplicationByName.get(name))));
        return new TopicCatalogue(prod, prodReplicationByName);
    }

    private static TopicSpec toSpec(Map<?, ?> fields) {
        String name = String.valueOf(fields.get("name"));
        for (String required : REQUIRED_FIELDS) {
            if (!fields.containsKey(required)) {
                throw new IllegalArgumentException("topic " + name + " lacks field '" + required + "'");
            }
        }
        for (Object field : fields.keySet()) {
            if (!REQUIRED_FIELDS.contains(field) && !DOCUMENTATION_FIELDS.contains(field)) {
                throw new IllegalArgumentException("topic " + name + " has unknown field '" + field + "'");
            }
        }
        return new TopicSpec(
                name,
                text(fields, "key", name),
                text(fields, "value_schema", name),
                integer(fields, "partitions", name),
                integer(fields, "replication_factor", name),
                retentionMs(fields.get("retention"), name),
                text(fields, "cleanup_policy", name),
                bool(fields, "dlt", name));
    }

    private static long retentionMs(Object retention, String topic) {
        if (FOREVER.equals(retention)) {
            return TopicSpec.RETAIN_FOREVER;
        }
        if (retention instanceof Integer || retention instanceof Long) {
            return ((Number) retention).longValue();
        }
        throw new IllegalArgumentException("topic " + topic + ": retention is '" + FOREVER + "' or milliseconds, was " + retention);
    }

    private static String text(Map<?, ?> fields, String field, String topic) {
        if (fields.get(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("topic " + topic + ": " + field + " must be text, was " + fields.get(field));
    }

    private static int integer(Map<?, ?> fields, String field, String topic) {
        if (fields.get(field) instanceof Integer value) {
            return value;
        }
        throw new IllegalArgumentException("topic " + topic + ": " + field + " must be an integer, was " + fields.get(field));
    }

    private static boolean bool(Map<?, ?> fields, String field, String topic) {
        if (fields.get(field) instanceof Boolean value) {
            return value;
        }
        throw new IllegalArgumentException("topic " + topic + ": " + field + " must be true or false, was " + fields.get(field));
    }
}
