package dev.p2pbet.schemas.topics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One topic of the catalogue.
 *
 * @param name              the Kafka topic name
 * @param key               what the record key is, e.g. {@code bet_id}
 * @param valueSchema       full name of the generated Avro class of the value (subject {@code <name>-value})
 * @param partitions        partition count
 * @param replicationFactor replication factor in this environment
 * @param retentionMs       {@code retention.ms}; {@link #RETAIN_FOREVER} (-1) keeps records forever
 * @param cleanupPolicy     {@code delete} or {@code compact}
 * @param dlt               whether the topic has a dead-letter topic {@link #dltName()}
 */
public record TopicSpec(String name, String key, String valueSchema, int partitions, int replicationFactor,
                        long retentionMs, String cleanupPolicy, boolean dlt) {

    public static final long RETAIN_FOREVER = -1L;
    public static final String DLT_SUFFIX = ".DLT";

    /** With a replication factor of 3 or more, an acked write must be on two replicas. */
    static final int MIN_IN_SYNC_REPLICAS_WHEN_REPLICATED = 2;

    private static final Set<String> CLEANUP_POLICIES = Set.of("delete", "compact");

    public TopicSpec {
        requireText(name, "name");
        requireText(key, "key of " + name);
        requireText(valueSchema, "valueSchema of " + name);
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(name + ": replicationFactor must be at least 1, was " + replicationFactor);
        }
        if (retentionMs != RETAIN_FOREVER && retentionMs <= 0) {
            throw new IllegalArgumentException(name + ": retentionMs must be positive or -1 (forever), was " + retentionMs);
        }
        if (!CLEANUP_POLICIES.contains(cleanupPolicy)) {
            throw new IllegalArgumentException(name + ": cleanupPolicy must be one of " + CLEANUP_POLICIES + ", was " + cleanupPolicy);
        }
    }

    /** The dead-letter topic's name: {@code <name>.DLT}. */
    public String dltName() {
        return name + DLT_SUFFIX;
    }

    /** Topic-level Kafka configs to create the topic with (retention.ms, cleanup.policy, and min.insync.replicas when replicated). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("retention.ms", Long.toString(retentionMs));
        configs.put("cleanup.policy", cleanupPolicy);
        if (replicationFactor >= 3) {
            configs.put("min.insync.replicas", Integer.toString(MIN_IN_SYNC_REPLICAS_WHEN_REPLICATED));
        }
        return Collections.unmodifiableMap(configs);
    }

    /**
     * The dead-letter topic of this one: same key, value schema, partitions (a dead letter keeps its partition)
     * and replication; kept forever until ops replays or purges it; never compacted.
     *
     * @throws IllegalStateException when the topic has no DLT
     */
    public TopicSpec dltSpec() {
        if (!dlt) {
            throw new IllegalStateException(name + " has no dead-letter topic");
        }
        return new TopicSpec(dltName(), key, valueSchema, partitions, replicationFactor, RETAIN_FOREVER, "delete", false);
    }

    /** This topic with another replication factor (e.g. production's). */
    public TopicSpec withReplicationFactor(int newReplicationFactor) {
        return new TopicSpec(name, key, valueSchema, partitions, newReplicationFactor, retentionMs, cleanupPolicy, dlt);
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
