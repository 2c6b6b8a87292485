package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.kafka.DeadLetterReason;
import dev.p2pbet.plumbing.ops.DltReplayer;
import dev.p2pbet.plumbing.testing.PoisonFigures;
import dev.p2pbet.plumbing.testing.PoisonRecords;
import dev.p2pbet.plumbing.testing.SampleEvents;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameStarted;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The three poison classes of issue 10 against a real broker and registry: each goes to
 * {@code game.events.DLT} with its reason, after bounded retries at most, and the good record behind
 * it on the same partition is still processed; a database outage is retried, not dead-lettered; the
 * replay command brings fixed records back once and passes over bytes nobody can read.
 */
@PlumbingIntegrationTest
class PoisonRecordsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = Topics.GAME_EVENTS;
    private static final PoisonFigures FIGURES = new PoisonFigures("plumbing");

    @Autowired
    PoisonTestListener listener;

    private final PoisonRecords poison = PoisonRecords.onRealInfrastructure();

    @AfterAll
    static void writeFigures() {
        FIGURES.write();
    }

    @Test
    void dead_letters_undeserializable_bytes_at_once_byte_for_byte_and_keeps_the_partition_moving() {
        int blocked = 0;
        int deadWithReason = 0;
        for (Map.Entry<String, byte[]> bytes : PoisonRecords.UNDESERIALIZABLE.entrySet()) {
            String good = gameId();
            int partition = poison.partitionOf(TOPIC, good);
            String bad = "poison-" + bytes.getKey() + "-" + UUID.randomUUID();
            long offset = poison.send(TOPIC, partition, bad, bytes.getValue());
            poison.send(TOPIC, partition, good, poison.avro(TOPIC, gameStarted(good)));

            ConsumerRecord<String, byte[]> dead = onlyDeadLetter(bad);
            assertThat(dead.value()).isEqualTo(bytes.getValue());
            assertThat(dead.partition()).isEqualTo(partition);
            assertThat(PoisonRecords.reason(dead)).isEqualTo("undeserializable");
            assertThat(PoisonRecords.springHeader(dead, "kafka_dlt-exception-fqcn")).endsWith("DeserializationException");
            assertThat(PoisonRecords.springHeader(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
            assertThat(originalOffset(dead)).isEqualTo(offset);
            deadWithReason++;
            if (!processedOnce(good)) {
                blocked++;
            }
        }
        assertThat(blocked).isZero();
        FIGURES.row(TOPIC, "undeserializable (garbage, wrong magic byte, unknown schema id)",
                PoisonRecords.UNDESERIALIZABLE.size(), deadWithReason, -1, -1, blocked);
    }

    @Test
    void dead_letters_a_record_of_another_schema_at_once_as_wrong_schema() {
        String good = gameId();
        int partition = poison.partitionOf(TOPIC, good);
        String bad = "poison-wrong-schema-" + UUID.randomUUID();
        byte[] betEvent = poison.avro(Topics.BET_EVENTS, SampleEvents.betOpened(bad));
        poison.send(TOPIC, partition, bad, betEvent);
        poison.send(TOPIC, partition, good, poison.avro(TOPIC, gameStarted(good)));

        ConsumerRecord<String, byte[]> dead = onlyDeadLetter(bad);
        assertThat(dead.value()).isEqualTo(betEvent);
        assertThat(PoisonRecords.reason(dead)).isEqualTo("wrong-schema");
        assertThat(PoisonRecords.springHeader(dead, "kafka_dlt-exception-stacktrace"))
                .contains("WrongSchemaException").contains("BetEvent");
        boolean moved = processedOnce(good);
        assertThat(moved).isTrue();
        FIGURES.row(TOPIC, "wrong schema (a BetEvent)", 1, 1, -1, -1, moved ? 0 : 1);
    }

    @Test
    void dead_letters_a_record_that_breaks_a_business_rule_at_once_with_its_original_bytes() {
        String bad = gameId();
        listener.refused.add(bad);
        byte[] original = poison.avro(TOPIC, gameStarted(bad));
        String good = gameId();
        int partition = poison.partitionOf(TOPIC, good);
        poison.send(TOPIC, partition, bad, original);
        poison.send(TOPIC, partition, good, poison.avro(TOPIC, gameStarted(good)));

        ConsumerRecord<String, byte[]> dead = onlyDeadLetter(bad);
        assertThat(dead.value()).isEqualTo(original);
        assertThat(PoisonRecords.reason(dead)).isEqualTo("business-rule");
        assertThat(PoisonRecords.springHeader(dead, "kafka_dlt-exception-message")).contains("breaks a rule");
        assertThat(listener.deliveries(bad)).isEqualTo(1);
        boolean moved = processedOnce(good);
        assertThat(moved).isTrue();
        FIGURES.row(TOPIC, "business rule (NonRetryableEventException)", 1, 1, -1, -1, moved ? 0 : 1);
    }

    @Test
    void dead_letters_a_record_failing_on_every_delivery_after_the_bounded_retries() {
        String bad = gameId();
        listener.alwaysFailing.add(bad);
        String good = gameId();
        int partition = poison.partitionOf(TOPIC, good);
        poison.send(TOPIC, partition, bad, poison.avro(TOPIC, gameStarted(bad)));
        poison.send(TOPIC, partition, good, poison.avro(TOPIC, gameStarted(good)));

        ConsumerRecord<String, byte[]> dead = onlyDeadLetter(bad);
        assertThat(PoisonRecords.reason(dead)).isEqualTo("retries-exhausted");
        assertThat(listener.deliveries(bad)).isEqualTo(4);
        boolean moved = processedOnce(good);
        assertThat(moved).isTrue();
        FIGURES.row(TOPIC, "failing on every delivery (4 attempts)", 1, 1, -1, -1, moved ? 0 : 1);
    }

    @Test
    void retries_a_database_outage_longer_than_the_poison_retries_instead_of_dead_lettering() {
        String gameId = gameId();
        listener.databaseDownFor.put(gameId, new AtomicInteger(6));
        poison.send(TOPIC, gameId, poison.avro(TOPIC, gameStarted(gameId)));

        assertThat(processedOnce(gameId)).isTrue();
        assertThat(listener.deliveries(gameId)).isEqualTo(7);
        assertThat(poison.deadLetters(TOPIC, gameId::equals, 1, Duration.ofSeconds(3))).isEmpty();
        FIGURES.row(TOPIC, "transient: database down for 6 deliveries", 1, 0, -1, 1, 0);
    }

    @Test
    void replays_fixed_records_once_and_passes_over_records_nobody_can_read() throws Exception {
        String fixable = gameId();
        listener.refused.add(fixable);
        poison.send(TOPIC, fixable, poison.avro(TOPIC, gameStarted(fixable)));
        String garbage = "poison-replay-garbage-" + UUID.randomUUID();
        poison.send(TOPIC, garbage, PoisonRecords.UNDESERIALIZABLE.get("garbage"));
        String wrongSchema = "poison-replay-wrong-schema-" + UUID.randomUUID();
        poison.send(TOPIC, wrongSchema, poison.avro(Topics.BET_EVENTS, SampleEvents.betOpened(wrongSchema)));
        onlyDeadLetter(fixable);
        onlyDeadLetter(garbage);
        onlyDeadLetter(wrongSchema);

        listener.refused.remove(fixable);
        DltReplayer replayer = new DltReplayer(RealInfrastructure.shared().kafkaBootstrapServers());
        DltReplayer.Report first = replayer.replayReporting(TOPIC);
        await().atMost(WAIT).until(() -> listener.processed(fixable) == 1);
        DltReplayer.Report second = replayer.replayReporting(TOPIC);

        assertThat(first.replayed()).isGreaterThanOrEqualTo(1);
        assertThat(first.skipped()).anyMatch(line -> line.contains(garbage) && line.endsWith("undeserializable"));
        assertThat(first.skipped()).anyMatch(line -> line.contains(wrongSchema) && line.endsWith("wrong-schema"));
        assertThat(second.skipped()).noneMatch(line -> line.contains(garbage) || line.contains(wrongSchema));
        List<GameEvent> onTopic = PlumbingIntegrationTest.Probe.topics()
                .decodedWhere(TOPIC, fixable::equals, 2, Duration.ofSeconds(10));
        assertThat(onTopic).hasSize(2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> listener.processed(fixable) == 1);
        assertThat(onTopic.get(1).getEventId()).isEqualTo(onTopic.get(0).getEventId());
        FIGURES.row(TOPIC + " (replay)", "business rule, fixed, then replayed twice", 1, 1, 1,
                listener.processed(fixable), 0);
        FIGURES.row(TOPIC + " (replay)", "undeserializable + wrong schema: reported, not replayed", 2, 2, 0, 0, 0);
    }

    private ConsumerRecord<String, byte[]> onlyDeadLetter(String key) {
        List<ConsumerRecord<String, byte[]>> dead = poison.deadLetters(TOPIC, key::equals, 1, WAIT);
        assertThat(dead).as("DLT records of " + key).hasSize(1);
        assertThat(DeadLetterReason.of(dead.get(0).headers())).isPresent();
        return dead.get(0);
    }

    private boolean processedOnce(String gameId) {
        try {
            await().atMost(WAIT).until(() -> listener.processed(gameId) >= 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
        return listener.processed(gameId) == 1;
    }

    private static long originalOffset(ConsumerRecord<String, byte[]> dead) {
        return java.nio.ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-offset").value()).getLong();
    }

    private static String gameId() {
        return "poison-it-game-" + UUID.randomUUID();
    }

    private static GameEvent gameStarted(String gameId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return GameEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setGameId(gameId)
                .setPayload(GameStarted.newBuilder().setGameId(gameId).setStartedAt(now).build())
                .build();
    }
}
