package dev.p2pbet.plumbing.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far each consumer group is behind the end of each topic it reads: records not yet processed. */
public final class ConsumerLag {

    private final Admin admin;

    public ConsumerLag(Admin admin) {
        this.admin = admin;
    }

    public List<Lag> measure() throws ExecutionException, InterruptedException {
        List<Lag> lags = new ArrayList<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get();
            Map<String, Long> byTopic = committed.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.groupingBy(entry -> entry.getKey().topic(), Collectors.summingLong(entry ->
                            Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset()))));
            byTopic.forEach((topic, lag) -> lags.add(new Lag(group.groupId(), topic, lag)));
        }
        lags.sort(Comparator.comparing(Lag::group).thenComparing(Lag::topic));
        return lags;
    }

    public record Lag(String group, String topic, long records) {
    }
}
