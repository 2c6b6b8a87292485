package dev.p2pbet.plumbing.kafka;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/**
 * Apicurio's datum provider, with one reader per writer schema instead of one per record. Apicurio's deserializer asks
 * for a reader for every record, and a new Avro reader resolves the writer's schema against the reader's (a deep
 * comparison of both) before it reads: that was nine tenths of deserializing, a tenth of settlement-service's CPU.
 * A reader is kept per schema object, which Apicurio's cache hands out for a schema id until it fetches the schema
 * again (its cache period); the few readers of replaced schema objects are dropped when there are too many.
 */
public class ReusedAvroDatumReaders extends DefaultAvroDatumProvider<Object> {

    private static final int MOST_READERS = 64;

    private final Map<WriterSchema, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<Object> createDatumReader(Schema writer) {
        WriterSchema key = new WriterSchema(writer);
        DatumReader<Object> reader = readers.get(key);
        if (reader == null) {
            if (readers.size() >= MOST_READERS) {
                readers.clear();
            }
            reader = super.createDatumReader(writer);
            readers.put(key, reader);
        }
        return reader;
    }

    /** A schema by identity: equal schemas compare deeply, and the same object stands for the same schema id. */
    private record WriterSchema(Schema schema) {

        @Override
        public boolean equals(Object other) {
            return other instanceof WriterSchema that && that.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}
