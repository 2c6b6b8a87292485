package dev.p2pbet.plumbing.ops;

import dev.p2pbet.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes a cluster's topics what the catalogue says, idempotently: creates missing topics, raises
 * partition counts, sets configs that differ. It never deletes a topic and never lowers a
 * partition count (that would lose data or break key order): such differences are reported.
 */
public final class TopicCatalogueApplier {

    private static final int METADATA_ATTEMPTS = 10;

    private final Admin admin;

    public TopicCatalogueApplier(Admin admin) {
        this.admin = admin;
    }

    /** Applies {@code topics}; returns what it changed and what it left for a person to decide. */
    public Report apply(Collection<TopicSpec> topics) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        Report report = new Report(new ArrayList<>(), new ArrayList<>());
        for (TopicSpec spec : topics) {
            if (existing.contains(spec.name()) || !created(spec, report)) {
                alignPartitions(spec, report);
                alignConfigs(spec, report);
            }
        }
        return report;
    }

    /** Creates the topic; false when someone else (a service's admin client, auto-creation) just did. */
    private boolean created(TopicSpec spec, Report report) throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(spec.name(), spec.partitions(), (short) spec.replicationFactor())
                    .configs(spec.configs()))).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
        report.changes().add("created " + spec.name() + " (" + spec.partitions() + " partitions, " + spec.configs() + ")");
        return true;
    }

    private void alignPartitions(TopicSpec spec, Report report) throws ExecutionException, InterruptedException {
        int actual = describe(spec.name()).partitions().size();
        if (actual < spec.partitions()) {
            admin.createPartitions(Map.of(spec.name(), NewPartitions.increaseTo(spec.partitions()))).all().get();
            report.changes().add("raised " + spec.name() + " from " + actual + " to " + spec.partitions() + " partitions");
        } else if (actual > spec.partitions()) {
            report.warnings().add(spec.name() + " has " + actual + " partitions, the catalogue says " + spec.partitions()
                    + ": left as is (partitions cannot be removed without losing data)");
        }
    }

    /** A topic just created (by us or another client) can take a moment to reach the broker's metadata. */
    private TopicDescription describe(String topic) throws ExecutionException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == METADATA_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    private void alignConfigs(TopicSpec spec, Report report) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config actual = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        List<AlterConfigOp> changes = new ArrayList<>();
        spec.configs().forEach((key, wanted) -> {
            ConfigEntry entry = actual.get(key);
            if (entry == null || !wanted.equals(entry.value())) {
                changes.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                report.changes().add("set " + spec.name() + " " + key + "=" + wanted
                        + (entry == null ? "" : " (was " + entry.value() + ")"));
            }
        });
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(Map.of(resource, changes)).all().get();
        }
    }

    /** What an apply changed, and the differences it refused to resolve by itself. */
    public record Report(List<String> changes, List<String> warnings) {

        public boolean changedNothing() {
            return changes.isEmpty();
        }
    }
}
