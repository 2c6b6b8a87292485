package dev.p2pbet.plumbing.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * Why a record went to its DLT, in the {@value #HEADER} header next to Spring Kafka's
 * {@code kafka_dlt-*} ones: a short, stable word an operator (and the replay command) can act on
 * without parsing exception messages.
 */
public enum DeadLetterReason {

    /** The bytes are not a record of any schema we can read (garbage, wrong magic byte, unknown schema id). */
    UNDESERIALIZABLE("undeserializable", false),
    /** A valid Avro record, but of another type than the topic carries. */
    WRONG_SCHEMA("wrong-schema", false),
    /** A readable record that breaks a business rule ({@link NonRetryableEventException}). */
    BUSINESS_RULE("business-rule", true),
    /** Any other failure that outlived its bounded retries. */
    RETRIES_EXHAUSTED("retries-exhausted", true);

    public static final String HEADER = "p2pbet-dlt-reason";

    private final String word;
    private final boolean replayable;

    DeadLetterReason(String word, boolean replayable) {
        this.word = word;
        this.replayable = replayable;
    }

    /** The header's value. */
    public String word() {
        return word;
    }

    /**
     * Whether replaying the DLT record as it is can succeed once the consumer is fixed: bytes no
     * consumer can read, or a record of another type, would only come back to the DLT.
     */
    public boolean replayable() {
        return replayable;
    }

    /** The reason of a failure, from the exception the listener container reported (causes included). */
    public static DeadLetterReason of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException) {
                if (hasCause(cause, SchemaRegistryUnavailableException.class)) {
                    return RETRIES_EXHAUSTED;
                }
                return hasCause(cause, WrongSchemaException.class) ? WRONG_SCHEMA : UNDESERIALIZABLE;
            }
            if (cause instanceof NonRetryableEventException) {
                return BUSINESS_RULE;
            }
            if (cause instanceof WrongSchemaException || cause instanceof MessageConversionException
                    || cause instanceof ConversionException || cause instanceof MethodArgumentResolutionException
                    || cause instanceof ClassCastException) {
                return WRONG_SCHEMA;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return RETRIES_EXHAUSTED;
    }

    /** The reason a DLT record carries, if it carries one of ours. */
    public static Optional<DeadLetterReason> of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return Arrays.stream(values()).filter(reason -> reason.word.equals(value)).findFirst();
    }

    public byte[] headerValue() {
        return word.getBytes(StandardCharsets.UTF_8);
    }

    static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
