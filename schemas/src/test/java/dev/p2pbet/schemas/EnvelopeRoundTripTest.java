package dev.p2pbet.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import dev.p2pbet.schemas.bet.BetCreated;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.PlayerStat;
import dev.p2pbet.schemas.bet.Selection;
import dev.p2pbet.schemas.bet.SelectionSide;
import dev.p2pbet.schemas.bet.SelectionType;
import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameFinalized;
import dev.p2pbet.schemas.game.PlayerStatLine;
import dev.p2pbet.schemas.wallet.EscrowInRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferIds;

/**
 * The generated classes are usable as services will use them: built, encoded and decoded the way the registry
 * serdes do (a datum writer/reader made from the schema, which finds the class's logical-type conversions for
 * the UUID event_id and the Instant timestamps), and matched on payload kind.
 */
class EnvelopeRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

    @Test
    void a_bet_event_survives_binary_encoding_with_its_payload_kind() throws IOException {
        Selection playerOver = Selection.newBuilder()
                .setType(SelectionType.PLAYER_STAT).setSide(SelectionSide.OVER)
                .setLineTenths(255L).setPlayerId("p-23").setStat(PlayerStat.POINTS).build();
        BetEvent event = BetEvent.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(NOW).setBetId("b-1")
                .setPayload(BetCreated.newBuilder()
                        .setBetId("b-1").setGameId("g-1").setCreatorId("u-1").setSelection(playerOver)
                        .setStake(usd(500)).setCreatedAt(NOW).setEscrowTransferId(TransferIds.escrowCreator("b-1"))
                        .build())
                .build();

        BetEvent read = roundTrip(event, BetEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.getPayload()).isInstanceOfSatisfying(BetCreated.class, created ->
                assertThat(created.getSelection().getLineTenths()).isEqualTo(255L));
    }

    @Test
    void a_transfer_command_carries_its_transfer_id_as_the_key() throws IOException {
        String transferId = TransferIds.escrowCreator("b-1");
        TransferCommand command = TransferCommand.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(NOW).setTransferId(transferId)
                .setPayload(EscrowInRequested.newBuilder()
                        .setTransferId(transferId).setBetId("b-1").setUserId("u-1").setStake(usd(500)).build())
                .build();

        assertThat(roundTrip(command, TransferCommand.class)).isEqualTo(command);
    }

    @Test
    void a_final_game_carries_every_stat_line() throws IOException {
        PlayerStatLine line = PlayerStatLine.newBuilder().setPlayerId("p-23").setPlayed(true)
                .setPoints(31).setRebounds(7).setAssists(9).setSteals(2).setBlocks(1).setTurnovers(4).setThreesMade(5)
                .build();
        GameEvent event = GameEvent.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(NOW).setGameId("g-1")
                .setPayload(GameFinalized.newBuilder().setGameId("g-1").setHomeScore(108).setAwayScore(101)
                        .setStatLines(List.of(line)).setFinalizedAt(NOW).build())
                .build();

        assertThat(roundTrip(event, GameEvent.class)).isEqualTo(event);
    }

    private static Money usd(long minor) {
        return Money.newBuilder().setAmountMinor(minor).setCurrency("USD").build();
    }

    private static <T extends SpecificRecord> T roundTrip(T record, Class<T> type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        Schema schema = record.getSchema();
        new SpecificDatumWriter<T>(schema).write(record, encoder);
        encoder.flush();
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, SpecificData.get().getSchema(type));
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
