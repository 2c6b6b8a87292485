package dev.p2pbet.wallet.support;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.plumbing.kafka.PlumbingKafkaProperties;
import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.common.RefundReason;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.EscrowInRequested;
import dev.p2pbet.schemas.wallet.FeeTransferRequested;
import dev.p2pbet.schemas.wallet.PayoutRequested;
import dev.p2pbet.schemas.wallet.RefundRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.schemas.wallet.VaultBalanceRequested;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends commands as bet-service and settlement-service do: the generated Avro classes, serialized against the real
 * registry, keyed by transfer_id, ids built with {@link TransferIds}.
 */
public final class TransferCommands implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AvroRecordSerializer serializer;

    public TransferCommands() {
        RealInfrastructure infra = RealInfrastructure.shared();
        PlumbingKafkaProperties properties = new PlumbingKafkaProperties();
        properties.setRegistryUrl(infra.registryApiUrl());
        this.serializer = new AvroRecordSerializer(properties);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public static String aBetId() {
        return "bet-" + UUID.randomUUID();
    }

    public static TransferCommand escrowIn(String betId, String userId, long stake) {
        String id = TransferIds.escrowCreator(betId);
        return command(id, EscrowInRequested.newBuilder().setTransferId(id).setBetId(betId).setUserId(userId)
                .setStake(usd(stake)).build());
    }

    public static TransferCommand payout(String betId, String winnerId, long amount) {
        String id = TransferIds.payout(betId);
        return command(id, PayoutRequested.newBuilder().setTransferId(id).setBetId(betId).setWinnerId(winnerId)
                .setAmount(usd(amount)).build());
    }

    public static TransferCommand fee(String betId, long amount) {
        String id = TransferIds.fee(betId);
        return command(id, FeeTransferRequested.newBuilder().setTransferId(id).setBetId(betId).setAmount(usd(amount)).build());
    }

    public static TransferCommand refund(String betId, String userId, long amount, long stake) {
        String id = TransferIds.refundCreator(betId);
        return command(id, RefundRequested.newBuilder().setTransferId(id).setBetId(betId).setUserId(userId)
                .setAmount(usd(amount)).setStake(usd(stake)).setGasIn(usd(0)).setGasQuote(usd(stake - amount))
                .setReason(RefundReason.CANCELLED).build());
    }

    /** The same command delivered again: same event_id, as Kafka redelivers it. */
    public void send(TransferCommand command) {
        send(Topics.WALLET_TRANSFER_COMMANDS, command.getTransferId(), command);
    }

    /** Sends a command to one partition of the topic, whatever its key: commands that one consumer takes in turn. */
    public void sendTo(int partition, TransferCommand command) {
        send(new ProducerRecord<>(Topics.WALLET_TRANSFER_COMMANDS, partition, command.getTransferId(),
                serializer.serialize(Topics.WALLET_TRANSFER_COMMANDS, command)));
    }

    /** Sends a command as a service does that commands it within a trace: with that trace's {@code traceparent}. */
    public void send(TransferCommand command, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.WALLET_TRANSFER_COMMANDS,
                command.getTransferId(), serializer.serialize(Topics.WALLET_TRANSFER_COMMANDS, command));
        record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(record);
    }

    public String requestVaultBalance() {
        String requestId = "audit-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(Topics.WALLET_VAULT_BALANCE_REQUESTS, requestId, VaultBalanceRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now).setRequestId(requestId).setRequestedAt(now).build());
        return requestId;
    }

    private void send(String topic, String key, SpecificRecord value) {
        send(new ProducerRecord<>(topic, key, serializer.serialize(topic, value)));
    }

    /** Sends and waits for the broker's acknowledgement, so a test's next step sees the record on the topic. */
    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static TransferCommand command(String transferId, Object payload) {
        return TransferCommand.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTransferId(transferId).setPayload(payload).build();
    }

    public static Money usd(long minor) {
        return Money.newBuilder().setAmountMinor(minor).setCurrency("USD").build();
    }

    @Override
    public void close() {
        producer.close();
        serializer.close();
    }
}
