package dev.p2pbet.settlement.payout;

import static dev.p2pbet.settlement.support.OtherServices.gameCancelled;
import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.settlement.SettlementIT;
import dev.p2pbet.settlement.support.OtherServices;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One trace from POST /api/bets to the payout (issue 8): bet-service's BetCreated carries the trace of the request
 * that created the bet; the bet's transfers out of escrow, commanded later in an audit's transaction, continue it.
 */
class TraceContinuityIT extends SettlementIT {

    @Autowired
    AvroRecordSerializer avro;

    @Test
    void the_payout_and_fee_commands_of_a_bet_carry_the_trace_of_the_bets_creation() throws Exception {
        String traceId = aTraceId();
        String game = aGame();
        String betId = aMatchedBetCreatedIn(traceId, game, 1_000);

        publish(gameFinalized(game, 101, 99, List.of()));

        awaitSettlement(betId, "paid");
        assertThat(traceIdOf(Topics.WALLET_TRANSFER_COMMANDS, betId + ":payout")).isEqualTo(traceId);
        assertThat(traceIdOf(Topics.WALLET_TRANSFER_COMMANDS, betId + ":fee")).isEqualTo(traceId);
        assertThat(traceIdOf(Topics.SETTLEMENT_EVENTS, betId)).as("PayoutCommanded, then BetSettled").isEqualTo(traceId);
    }

    @Test
    void the_refund_commands_of_a_bet_carry_the_trace_of_the_bets_creation() throws Exception {
        String traceId = aTraceId();
        String game = aGame();
        String betId = aMatchedBetCreatedIn(traceId, game, 700);

        publish(gameCancelled(game));

        awaitSettlement(betId, "refunded");
        assertThat(traceIdOf(Topics.WALLET_TRANSFER_COMMANDS, betId + ":refund-creator")).isEqualTo(traceId);
        assertThat(traceIdOf(Topics.WALLET_TRANSFER_COMMANDS, betId + ":gas-recovery-acceptor")).isEqualTo(traceId);
    }

    /** A matched bet whose BetCreated arrived with {@code traceparent} of the given trace, as bet-service sends it. */
    private String aMatchedBetCreatedIn(String traceId, String game, long stake) throws Exception {
        String betId = aBetId();
        BetEvent created = OtherServices.betCreated(betId, game, aUser("alice"), homeWins(), stake);
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Topics.BET_EVENTS, betId, avro.serialize(Topics.BET_EVENTS, created));
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        gateway.escrowIn(stake);
        publish(OtherServices.betOpened(betId, CREATOR_GAS));
        gateway.escrowIn(stake);
        publish(OtherServices.betMatched(betId, aUser("bob"), ACCEPTOR_GAS));
        awaitProjection(betId, "matched");
        return betId;
    }

    private String traceIdOf(String topic, String key) {
        ConsumerRecord<String, byte[]> record = probe().findByKey(topic, key, WAIT).orElseThrow();
        assertThat(record.headers().lastHeader("traceparent")).as("traceparent of %s on %s", key, topic).isNotNull();
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8).split("-")[1];
    }

    private static String aTraceId() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
