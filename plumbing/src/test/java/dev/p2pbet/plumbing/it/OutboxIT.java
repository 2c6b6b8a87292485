package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.outbox.Outbox;
import dev.p2pbet.plumbing.outbox.OutboxProperties;
import dev.p2pbet.plumbing.testing.SampleEvents;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.topics.Topics;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@PlumbingIntegrationTest
class OutboxIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tracer tracer;

    @Autowired
    OutboxProperties relaySettings;

    private final TopicProbe probe = PlumbingIntegrationTest.Probe.topics();

    @Test
    void publishes_a_committed_event_in_the_confluent_wire_format() {
        String betId = UUID.randomUUID().toString();
        BetEvent event = SampleEvents.betOpened(betId);

        transactions.executeWithoutResult(tx -> outbox.append(Topics.BET_EVENTS, betId, event));

        ConsumerRecord<String, byte[]> record = probe.findByKey(Topics.BET_EVENTS, betId, WAIT).orElseThrow();
        assertThat(TopicProbe.isConfluentFramed(record.value())).isTrue();
        assertThat(probe.schemaById(TopicProbe.schemaId(record.value()))).contains("BetEvent");
        assertThat(probe.<BetEvent>decode(Topics.BET_EVENTS, record.value())).isEqualTo(event);
        assertThat(probe.subjects()).contains(Topics.BET_EVENTS + "-value");
    }

    @Test
    void publishes_nothing_when_the_transaction_rolls_back() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();

        try {
            transactions.executeWithoutResult(tx -> {
                outbox.append(Topics.BET_EVENTS, rolledBack, SampleEvents.betOpened(rolledBack));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // the business transaction failed, so its event must not exist
        }
        transactions.executeWithoutResult(tx -> outbox.append(Topics.BET_EVENTS, committed, SampleEvents.betOpened(committed)));

        assertThat(probe.findByKey(Topics.BET_EVENTS, committed, WAIT)).isPresent();
        assertThat(probe.findByKey(Topics.BET_EVENTS, rolledBack, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void keeps_the_order_of_one_key_across_batches() {
        String betId = UUID.randomUUID().toString();
        List<String> appended = new ArrayList<>();
        // three transactions of two thirds of a relay batch each: the relay's batches cut across them
        int perTransaction = relaySettings.getBatchSize() * 2 / 3;
        for (int batch = 0; batch < 3; batch++) {
            transactions.executeWithoutResult(tx -> {
                for (int i = 0; i < perTransaction; i++) {
                    BetEvent event = SampleEvents.betOpened(betId);
                    appended.add(event.getEventId().toString());
                    outbox.append(Topics.BET_EVENTS, betId, event);
                }
            });
        }

        List<String> received = new ArrayList<>();
        probe.find(Topics.BET_EVENTS, record -> {
            if (betId.equals(record.key())) {
                received.add(probe.<BetEvent>decode(Topics.BET_EVENTS, record.value()).getEventId().toString());
            }
            return received.size() == appended.size();
        }, WAIT);
        assertThat(received).containsExactlyElementsOf(appended);
    }

    @Test
    void appends_a_batch_in_order_and_publishes_every_event_of_it() {
        String betId = UUID.randomUUID().toString();
        List<Outbox.Entry> batch = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            batch.add(new Outbox.Entry(betId, SampleEvents.betOpened(betId)));
        }

        transactions.executeWithoutResult(tx -> outbox.appendAll(Topics.BET_EVENTS, batch));

        List<BetEvent> received = probe.decodedWhere(Topics.BET_EVENTS, betId::equals, batch.size(), WAIT);
        assertThat(received).containsExactlyElementsOf(batch.stream().map(e -> (BetEvent) e.event()).toList());
    }

    @Test
    void carries_the_trace_of_the_writing_transaction_in_the_record_headers() {
        String betId = UUID.randomUUID().toString();
        Span span = tracer.nextSpan().name("place-bet").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            transactions.executeWithoutResult(tx -> outbox.append(Topics.BET_EVENTS, betId, SampleEvents.betOpened(betId)));
        } finally {
            span.end();
        }

        ConsumerRecord<String, byte[]> record = probe.findByKey(Topics.BET_EVENTS, betId, WAIT).orElseThrow();
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .contains(span.context().traceId());
    }

    @Test
    void carries_the_trace_an_entry_names_instead_of_the_current_one() {
        String betId = UUID.randomUUID().toString();
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        Span span = tracer.nextSpan().name("settle-game").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            transactions.executeWithoutResult(tx -> outbox.appendAll(Topics.BET_EVENTS, List.of(
                    new Outbox.Entry(betId, SampleEvents.betOpened(betId), java.util.Map.of("traceparent", traceparent)))));
        } finally {
            span.end();
        }

        ConsumerRecord<String, byte[]> record = probe.findByKey(Topics.BET_EVENTS, betId, WAIT).orElseThrow();
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
    }

    @Test
    void empties_the_outbox_once_the_broker_acknowledged() {
        String betId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> outbox.append(Topics.BET_EVENTS, betId, SampleEvents.betOpened(betId)));

        Awaitility.await().atMost(WAIT).until(() ->
                jdbc.sql("SELECT count(*) FROM outbox_record WHERE record_key = ?").param(betId)
                        .query(Long.class).single() == 0L);
    }
}
