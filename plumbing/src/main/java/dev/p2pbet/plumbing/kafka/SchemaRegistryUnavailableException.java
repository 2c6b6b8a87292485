package dev.p2pbet.plumbing.kafka;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry could not be asked for a record's schema (unreachable, timed out, or answered 5xx/429):
 * a failure of the infrastructure, not of the record, so it is retried like a database outage
 * instead of being dead-lettered as undeserializable. Built from a message only, so the
 * {@code ErrorHandlingDeserializer} can always carry it to the error handler in a header.
 */
public class SchemaRegistryUnavailableException extends SerializationException {

    public SchemaRegistryUnavailableException(String topic, String failure) {
        super("the schema registry could not be asked for a schema of a record on " + topic + ": " + failure);
    }
}
