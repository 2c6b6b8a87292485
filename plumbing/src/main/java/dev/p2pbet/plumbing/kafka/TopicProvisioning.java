package dev.p2pbet.plumbing.kafka;

import dev.p2pbet.schemas.topics.TopicCatalogue;
import dev.p2pbet.schemas.topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/** The catalogue's topics, and a DLT beside each one that has it, as the admin client creates them. */
public final class TopicProvisioning {

    private TopicProvisioning() {
    }

    public static List<NewTopic> newTopics(TopicCatalogue catalogue) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : catalogue.topics()) {
            topics.add(newTopic(spec.name(), spec));
            if (spec.dlt()) {
                topics.add(newTopic(spec.dltName(), spec));
            }
        }
        return topics;
    }

    // A DLT gets the partitions of its topic: the recoverer keeps a record's partition.
    private static NewTopic newTopic(String name, TopicSpec spec) {
        return TopicBuilder.name(name)
                .partitions(spec.partitions())
                .replicas(spec.replicationFactor())
                .configs(spec.configs())
                .build();
    }
}
