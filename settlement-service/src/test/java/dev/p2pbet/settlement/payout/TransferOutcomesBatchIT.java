package dev.p2pbet.settlement.payout;

import static dev.p2pbet.settlement.support.OtherServices.gameFinalized;
import static dev.p2pbet.settlement.support.OtherServices.homeWins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.schemas.settlement.BetSettled;
import dev.p2pbet.schemas.settlement.PayoutCommanded;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import dev.p2pbet.settlement.SettlementIT;
import dev.p2pbet.settlement.support.FakeGateway;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The gateway's transfer outcomes are applied a poll at a time. These tests hold the listener, put
 * a whole batch on one partition (one key), and let it go, so the batch is one poll.
 */
class TransferOutcomesBatchIT extends SettlementIT {

    private static final String DLT = Topics.WALLET_TRANSFER_EVENTS + ".DLT";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    AvroRecordSerializer avro;

    @Test
    void a_poison_record_goes_to_the_dlt_and_the_rest_of_its_batch_is_applied() throws Exception {
        String betId = aPayoutWaitingForTheGateway();

        inOneBatch(betId + ":payout", List.of(
                confirmed(betId, betId + ":payout", TransferPurpose.PAYOUT, 1_950),
                "not avro at all".getBytes(StandardCharsets.UTF_8),
                confirmed(betId, betId + ":fee", TransferPurpose.FEE, 50)));

        awaitSettlement(betId, "paid");
        ConsumerRecord<String, byte[]> dead = probe().find(DLT, r -> r.value() != null
                && new String(r.value(), StandardCharsets.UTF_8).equals("not avro at all")
                && r.key().equals(betId + ":payout"), WAIT).orElseThrow();
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        assertThat(settlementEvents(betId, 2)).hasExactlyElementsOfTypes(PayoutCommanded.class, BetSettled.class);
    }

    @Test
    void a_batch_applies_every_event_once_and_a_confirmation_wins_over_a_failure_of_the_same_transfer() throws Exception {
        String betId = aPayoutWaitingForTheGateway();
        byte[] payout = confirmed(betId, betId + ":payout", TransferPurpose.PAYOUT, 1_950);

        inOneBatch(betId + ":payout", List.of(
                failed(betId, betId + ":payout", TransferPurpose.PAYOUT, 1_950),
                payout,
                payout,
                confirmed(betId, betId + ":fee", TransferPurpose.FEE, 50),
                confirmed(betId, betId + ":fee", TransferPurpose.FEE, 50)));

        awaitSettlement(betId, "paid");
        assertThat(jdbc.sql("SELECT string_agg(status, ',' ORDER BY transfer_id) FROM settlement_transfers WHERE bet_id = ?")
                .param(betId).query(String.class).single()).isEqualTo("confirmed,confirmed");
        assertThat(settlementEvents(betId, 2)).hasExactlyElementsOfTypes(PayoutCommanded.class, BetSettled.class);
    }

    /** A matched bet whose winner's payout and fee are commanded, with the gateway holding them. */
    private String aPayoutWaitingForTheGateway() {
        gateway.holdTransfers(true);
        String game = aGame();
        String betId = aMatchedBet(game, aUser("alice"), aUser("bob"), homeWins(), 1_000);
        publish(gameFinalized(game, 101, 99, List.of()));
        awaitSettlement(betId, "settling");
        await().atMost(WAIT).until(() -> gateway.commandsSeen(betId + ":payout") > 0);
        return betId;
    }

    private void inOneBatch(String key, List<byte[]> values) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer("settlement-transfer-outcomes");
        assertThat(container).isNotNull();
        container.stop();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(Topics.WALLET_TRANSFER_EVENTS, key, value));
            }
            producer.flush();
        } finally {
            container.start();
        }
    }

    private byte[] confirmed(String betId, String transferId, TransferPurpose purpose, long amount) {
        return avro.serialize(Topics.WALLET_TRANSFER_EVENTS, event(transferId, TransferConfirmed.newBuilder()
                .setTransferId(transferId).setBetId(betId).setPurpose(purpose).setUserId(null)
                .setAmount(FakeGateway.usd(amount)).setGasUsed(FakeGateway.usd(FakeGateway.GAS_USED))
                .setProviderReference("prov-" + transferId).build()));
    }

    private byte[] failed(String betId, String transferId, TransferPurpose purpose, long amount) {
        return avro.serialize(Topics.WALLET_TRANSFER_EVENTS, event(transferId, TransferFailed.newBuilder()
                .setTransferId(transferId).setBetId(betId).setPurpose(purpose).setUserId(null)
                .setAmount(FakeGateway.usd(amount)).setReason(TransferFailureReason.PROVIDER_UNAVAILABLE)
                .setMessage("provider unavailable").setRetryable(true).build()));
    }

    private static TransferEvent event(String transferId, Object payload) {
        return TransferEvent.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setTransferId(transferId)
                .setPayload(payload).build();
    }
}
