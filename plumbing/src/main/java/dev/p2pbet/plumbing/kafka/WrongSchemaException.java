package dev.p2pbet.plumbing.kafka;

import org.apache.kafka.common.errors.SerializationException;

/** A valid Avro record of another type than its topic carries (see {@link CatalogueAvroDeserializer}). */
public class WrongSchemaException extends SerializationException {

    public WrongSchemaException(String topic, String expected, String actual) {
        super("a " + actual + " on " + topic + ", which carries " + expected);
    }
}
