package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.plumbing.kafka.AvroSerdeSettings;
import dev.p2pbet.plumbing.kafka.PlumbingKafkaProperties;
import dev.p2pbet.plumbing.testing.SampleEvents;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.topics.Topics;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox's serializer resolves a schema id through Apicurio once and encodes later records itself. */
@PlumbingIntegrationTest
class AvroRecordSerializerIT {

    @Autowired
    AvroRecordSerializer serializer;

    @Autowired
    PlumbingKafkaProperties kafka;

    private final TopicProbe probe = PlumbingIntegrationTest.Probe.topics();

    @Test
    void writes_every_record_of_a_type_byte_for_byte_as_apicurio_does() {
        try (AvroKafkaSerializer<SpecificRecord> apicurio = new AvroKafkaSerializer<>()) {
            apicurio.configure(AvroSerdeSettings.serializer(kafka.getRegistryUrl(), kafka.isAutoRegisterSchemas()),
                    false);
            for (int i = 0; i < 3; i++) {
                BetEvent bet = SampleEvents.betOpened(UUID.randomUUID().toString());
                GameEvent game = SampleEvents.gameCancelled(UUID.randomUUID().toString());

                assertThat(serializer.serialize(Topics.BET_EVENTS, bet))
                        .isEqualTo(apicurio.serialize(Topics.BET_EVENTS, bet));
                assertThat(serializer.serialize(Topics.GAME_EVENTS, game))
                        .isEqualTo(apicurio.serialize(Topics.GAME_EVENTS, game));
            }
        }
    }

    @Test
    void a_record_encoded_after_the_first_of_its_type_reads_back_through_the_registry() {
        serializer.serialize(Topics.GAME_EVENTS, SampleEvents.gameCancelled(UUID.randomUUID().toString()));
        GameEvent later = SampleEvents.gameCancelled(UUID.randomUUID().toString());

        byte[] bytes = serializer.serialize(Topics.GAME_EVENTS, later);

        assertThat(TopicProbe.isConfluentFramed(bytes)).isTrue();
        assertThat(probe.<GameEvent>decode(Topics.GAME_EVENTS, bytes)).isEqualTo(later);
    }
}
