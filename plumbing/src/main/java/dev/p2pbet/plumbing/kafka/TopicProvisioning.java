package dev.p2pbet.plumbing.kafka;

import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/** The catalogue's topics and their DLTs, as a service's admin client creates them in dev and tests. */
public final class TopicProvisioning {

    private TopicProvisioning() {
    }

    public static List<NewTopic> newTopics(TopicCatalogue catalogue) {
        return catalogue.topicsWithDlts().stream().map(TopicProvisioning::newTopic).toList();
    }

    private static NewTopic newTopic(TopicSpec spec) {
        return TopicBuilder.name(spec.name())
                .partitions(spec.partitions())
                .replicas(spec.replicationFactor())
                .configs(spec.configs())
                .build();
    }
}
