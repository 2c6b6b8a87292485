package dev.p2pbet.wallet.support;

import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.VaultBalanceReported;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything the gateway publishes, read from the real topics by one background consumer per test JVM and decoded
 * with the registry, as bet-service and settlement-service read it. Tests ask for the outcomes of one transfer_id
 * and can check that there is exactly one.
 */
public final class TransferEventsRecorder {

    private static TransferEventsRecorder shared;

    private final Map<String, List<TransferEvent>> events = new ConcurrentHashMap<>();
    private final Map<String, List<VaultBalanceReported>> reports = new ConcurrentHashMap<>();

    public static synchronized TransferEventsRecorder shared() {
        if (shared == null) {
            shared = new TransferEventsRecorder();
            shared.start();
        }
        return shared;
    }

    private void start() {
        RealInfrastructure infra = RealInfrastructure.shared();
        TopicProbe probe = new TopicProbe(infra.kafkaBootstrapServers(), infra.registryApiUrl(), infra.registryCcompatUrl());
        Thread reader = new Thread(() -> {
            Map<String, Object> config = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "it-recorder-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
            try (KafkaConsumer<String, byte[]> consumer =
                         new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.WALLET_TRANSFER_EVENTS, Topics.WALLET_VAULT_BALANCE_REPORTS));
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Object value = probe.decode(record.topic(), record.value());
                        if (value instanceof TransferEvent event) {
                            events.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>()).add(event);
                        } else if (value instanceof VaultBalanceReported report) {
                            reports.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>()).add(report);
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "it-transfer-events-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    public List<TransferEvent> outcomes(String transferId) {
        return new ArrayList<>(events.getOrDefault(transferId, List.of()));
    }

    public TransferConfirmed awaitConfirmed(String transferId, Duration timeout) {
        return (TransferConfirmed) awaitOutcome(transferId, timeout).getPayload();
    }

    public TransferFailed awaitFailed(String transferId, Duration timeout) {
        return (TransferFailed) awaitOutcome(transferId, timeout).getPayload();
    }

    public TransferEvent awaitOutcome(String transferId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> !outcomes(transferId).isEmpty());
        return outcomes(transferId).getFirst();
    }

    public VaultBalanceReported awaitReport(String requestId, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> reports.containsKey(requestId));
        return reports.get(requestId).getFirst();
    }

    public List<VaultBalanceReported> reports(String requestId) {
        return new ArrayList<>(reports.getOrDefault(requestId, List.of()));
    }
}
