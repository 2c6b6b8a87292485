package dev.p2pbet.plumbing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.testing.SampleEvents;
import dev.p2pbet.schemas.game.GameEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class ReusedAvroDatumReadersTest {

    private final ReusedAvroDatumReaders readers = specificReaders();

    @Test
    void hands_out_one_reader_per_writer_schema_object() {
        Schema writer = GameEvent.getClassSchema();

        assertThat(readers.createDatumReader(writer)).isSameAs(readers.createDatumReader(writer));
    }

    @Test
    void a_schema_fetched_again_gets_a_reader_of_its_own() {
        Schema fetchedAgain = new Schema.Parser().parse(GameEvent.getClassSchema().toString());

        assertThat(readers.createDatumReader(fetchedAgain))
                .isNotSameAs(readers.createDatumReader(GameEvent.getClassSchema()));
    }

    @Test
    void a_reused_reader_reads_every_record_it_is_given() throws IOException {
        GameEvent first = SampleEvents.gameCancelled("first");
        GameEvent second = SampleEvents.gameCancelled("second");
        DatumReader<Object> reader = readers.createDatumReader(GameEvent.getClassSchema());

        assertThat(reader.read(null, DecoderFactory.get().binaryDecoder(encode(first), null))).isEqualTo(first);
        assertThat(reader.read(null, DecoderFactory.get().binaryDecoder(encode(second), null))).isEqualTo(second);
    }

    private static ReusedAvroDatumReaders specificReaders() {
        ReusedAvroDatumReaders readers = new ReusedAvroDatumReaders();
        readers.setUseSpecificAvroReader(true);
        return readers;
    }

    private static byte[] encode(GameEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(GameEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
