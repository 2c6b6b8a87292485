package dev.p2pbet.plumbing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

class DeadLetterReasonTest {

    private static final byte[] BYTES = {1, 2, 3};

    @Test
    void bytes_that_failed_to_deserialize_are_undeserializable() {
        assertThat(DeadLetterReason.of(new DeserializationException("failed", BYTES, false,
                new RuntimeException("Unknown magic byte!")))).isEqualTo(DeadLetterReason.UNDESERIALIZABLE);
    }

    @Test
    void a_record_of_another_type_is_wrong_schema_whether_caught_by_the_deserializer_or_the_listener() {
        assertThat(DeadLetterReason.of(new DeserializationException("failed", BYTES, false,
                new WrongSchemaException("bet.events", "BetEvent", "GameEvent")))).isEqualTo(DeadLetterReason.WRONG_SCHEMA);
        assertThat(DeadLetterReason.of(new ListenerExecutionFailedException("listener failed",
                new MessageConversionException("cannot convert")))).isEqualTo(DeadLetterReason.WRONG_SCHEMA);
    }

    @Test
    void a_refusal_is_a_business_rule_even_inside_a_batch_failure() {
        assertThat(DeadLetterReason.of(new BatchListenerFailedException("record 3",
                new NonRetryableEventException("negative amount"), 3))).isEqualTo(DeadLetterReason.BUSINESS_RULE);
    }

    @Test
    void a_record_whose_schema_the_registry_could_not_give_is_replayable_once_retries_are_exhausted() {
        DeadLetterReason reason = DeadLetterReason.of(new DeserializationException("failed", BYTES, false,
                new SchemaRegistryUnavailableException("bet.events", "no answer")));
        assertThat(reason).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
        assertThat(reason.replayable()).isTrue();
    }

    @Test
    void any_other_failure_is_retries_exhausted() {
        assertThat(DeadLetterReason.of(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("boom")))).isEqualTo(DeadLetterReason.RETRIES_EXHAUSTED);
    }

    @Test
    void only_deserializable_records_are_replayable() {
        assertThat(DeadLetterReason.UNDESERIALIZABLE.replayable()).isFalse();
        assertThat(DeadLetterReason.WRONG_SCHEMA.replayable()).isFalse();
        assertThat(DeadLetterReason.BUSINESS_RULE.replayable()).isTrue();
        assertThat(DeadLetterReason.RETRIES_EXHAUSTED.replayable()).isTrue();
    }

    @Test
    void reads_the_reason_back_from_the_headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterReason.HEADER, "wrong-schema".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetterReason.of(headers)).contains(DeadLetterReason.WRONG_SCHEMA);
        assertThat(DeadLetterReason.of(new RecordHeaders())).isEmpty();
    }

    @Test
    void a_database_outage_is_transient_a_constraint_violation_is_not() {
        assertThat(DeadLetterTopics.isTransient(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("pool exhausted"))))).isTrue();
        assertThat(DeadLetterTopics.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(DeadLetterTopics.isTransient(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DeadLetterTopics.isTransient(new NonRetryableEventException("negative amount"))).isFalse();
    }

    @Test
    void a_registry_outage_gets_the_transient_back_off_garbage_none_and_other_failures_the_poison_one() {
        BackOff transientBackOff = new FixedBackOff(1_000, 900);

        assertThat(DeadLetterTopics.backOffFor(new ListenerExecutionFailedException("listener failed",
                new DeserializationException("failed", BYTES, false,
                        new SchemaRegistryUnavailableException("bet.events", "no answer"))), transientBackOff))
                .isSameAs(transientBackOff);
        assertThat(DeadLetterTopics.backOffFor(new ListenerExecutionFailedException("listener failed",
                new DeserializationException("failed", BYTES, false, new RuntimeException("Unknown magic byte!"))),
                transientBackOff).start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
        assertThat(DeadLetterTopics.backOffFor(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("boom")), transientBackOff)).isNull();
    }
}
