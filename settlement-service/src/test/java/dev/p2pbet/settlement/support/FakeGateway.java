package dev.p2pbet.settlement.support;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.FeeTransferRequested;
import dev.p2pbet.schemas.wallet.GasRecoveryRequested;
import dev.p2pbet.schemas.wallet.PayoutRequested;
import dev.p2pbet.schemas.wallet.RefundRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import dev.p2pbet.schemas.wallet.VaultBalanceReported;
import dev.p2pbet.schemas.wallet.VaultBalanceRequested;
import dev.p2pbet.testinfra.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the wallet gateway and the provider behind it, as settlement sees them on the topics: it
 * keeps the vault's balance (credited when a test escrows a stake, debited once per transfer id as
 * a real provider's idempotency key does), answers every vault balance request with that balance
 * (plus a tamper a test may set) and a gas quote, and confirms every transfer command with a gas
 * used. It can deliver every confirmation twice. One per JVM, like the infrastructure.
 */
public final class FakeGateway {

    public static final long DEFAULT_GAS_QUOTE = 8;
    public static final long GAS_USED = 7;

    private static FakeGateway instance;

    private final AvroRecordSerializer serializer;
    private final TopicProbe probe;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong vault = new AtomicLong();
    private final AtomicLong tamper = new AtomicLong();
    private final AtomicLong gasQuote = new AtomicLong(DEFAULT_GAS_QUOTE);
    private volatile boolean answerAudits = true;
    private volatile boolean deliverTwice;
    private volatile boolean holdTransfers;
    private final Map<String, Long> executed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> commandsSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> credited = new ConcurrentHashMap<>();
    private final List<String> auditsAnswered = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> failForGood = ConcurrentHashMap.newKeySet();

    private FakeGateway(AvroRecordSerializer serializer, TopicProbe probe) {
        this.serializer = serializer;
        this.probe = probe;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        Thread.ofPlatform().daemon(true).name("fake-gateway").start(this::run);
    }

    public static synchronized FakeGateway start(AvroRecordSerializer serializer, TopicProbe probe) {
        if (instance == null) {
            instance = new FakeGateway(serializer, probe);
        }
        return instance;
    }

    /** A stake arrives in the vault (the escrow-in the gateway confirmed). */
    public void escrowIn(long stake) {
        vault.addAndGet(stake);
    }

    public long vault() {
        return vault.get();
    }

    public void tamper(long delta) {
        tamper.set(delta);
    }

    public void gasQuote(long quote) {
        gasQuote.set(quote);
    }

    /** Balance reports go without a gas quote, as from a provider that gives none. */
    public void noGasQuote() {
        gasQuote.set(-1);
    }

    public void answerAudits(boolean answer) {
        answerAudits = answer;
    }

    public void deliverTwice(boolean twice) {
        deliverTwice = twice;
    }

    /** While held, transfer commands are seen but neither executed nor answered: a test plays the outcomes. */
    public void holdTransfers(boolean hold) {
        holdTransfers = hold;
    }

    /** The amount the provider moved under this transfer id, or null. */
    public Long executed(String transferId) {
        return executed.get(transferId);
    }

    public int commandsSeen(String transferId) {
        AtomicInteger seen = commandsSeen.get(transferId);
        return seen == null ? 0 : seen.get();
    }

    /** What a user's wallet received from escrow. */
    public long credited(String userId) {
        return credited.getOrDefault(userId, 0L);
    }

    /** The next command under this transfer id is refused, retryably (provider unavailable); money stays put. */
    public void failOnce(String transferId) {
        failOnce.add(transferId);
    }

    /** Every command under this transfer id is refused for good (the user's account is gone); money stays put. */
    public void failForGood(String transferId) {
        failForGood.add(transferId);
    }

    public List<String> auditsAnswered() {
        return auditsAnswered;
    }

    private void run() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fake-gateway-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.WALLET_TRANSFER_COMMANDS, Topics.WALLET_VAULT_BALANCE_REQUESTS));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        handle(record);
                    } catch (RuntimeException e) {
                        System.err.println("fake gateway could not handle " + record.key() + ": " + e);
                    }
                }
                producer.flush();
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        Object value = probe.decode(record.topic(), record.value());
        if (value instanceof VaultBalanceRequested request) {
            if (answerAudits) {
                answer(request);
            }
        } else if (value instanceof TransferCommand command) {
            execute(command);
        }
    }

    private void answer(VaultBalanceRequested request) {
        auditsAnswered.add(request.getRequestId());
        send(Topics.WALLET_VAULT_BALANCE_REPORTS, request.getRequestId(), VaultBalanceReported.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(now()).setRequestId(request.getRequestId())
                .setBalance(usd(vault.get() + tamper.get())).setAsOf(now()).setGasQuote(gasQuote.get() < 0 ? null : usd(gasQuote.get()))
                .build());
    }

    private void execute(TransferCommand command) {
        commandsSeen.computeIfAbsent(command.getTransferId(), k -> new AtomicInteger()).incrementAndGet();
        if (holdTransfers) {
            return;
        }
        String betId;
        String userId;
        long amount;
        TransferPurpose purpose;
        switch (command.getPayload()) {
            case PayoutRequested p -> {
                betId = p.getBetId(); userId = p.getWinnerId(); amount = p.getAmount().getAmountMinor();
                purpose = TransferPurpose.PAYOUT;
            }
            case FeeTransferRequested f -> {
                betId = f.getBetId(); userId = "PLATFORM_REVENUE"; amount = f.getAmount().getAmountMinor();
                purpose = TransferPurpose.FEE;
            }
            case RefundRequested r -> {
                betId = r.getBetId(); userId = r.getUserId(); amount = r.getAmount().getAmountMinor();
                purpose = TransferPurpose.REFUND;
            }
            case GasRecoveryRequested g -> {
                betId = g.getBetId(); userId = "PLATFORM_OPS"; amount = g.getAmount().getAmountMinor();
                purpose = TransferPurpose.GAS_RECOVERY;
            }
            default -> {
                return;
            }
        }
        boolean forGood = failForGood.contains(command.getTransferId());
        if (forGood || failOnce.remove(command.getTransferId())) {
            send(Topics.WALLET_TRANSFER_EVENTS, command.getTransferId(), TransferEvent.newBuilder()
                    .setEventId(UUID.randomUUID()).setOccurredAt(now()).setTransferId(command.getTransferId())
                    .setPayload(TransferFailed.newBuilder().setTransferId(command.getTransferId()).setBetId(betId)
                            .setPurpose(purpose).setUserId(userId.startsWith("PLATFORM_") ? null : userId)
                            .setAmount(usd(amount))
                            .setReason(forGood ? TransferFailureReason.ACCOUNT_NOT_FOUND
                                    : TransferFailureReason.PROVIDER_UNAVAILABLE)
                            .setMessage(forGood ? "no such account" : "provider unavailable").setRetryable(!forGood)
                            .build())
                    .build());
            return;
        }
        // the provider's idempotency key: a transfer id moves money once
        if (executed.putIfAbsent(command.getTransferId(), amount) == null) {
            vault.addAndGet(-amount);
            credited.merge(userId, amount, Long::sum);
        }
        TransferEvent confirmed = TransferEvent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now())
                .setTransferId(command.getTransferId())
                .setPayload(TransferConfirmed.newBuilder().setTransferId(command.getTransferId()).setBetId(betId)
                        .setPurpose(purpose).setUserId(userId.startsWith("PLATFORM_") ? null : userId)
                        .setAmount(usd(amount)).setGasUsed(usd(GAS_USED)).setProviderReference("prov-" + command.getTransferId())
                        .build())
                .build();
        send(Topics.WALLET_TRANSFER_EVENTS, command.getTransferId(), confirmed);
        if (deliverTwice) {
            send(Topics.WALLET_TRANSFER_EVENTS, command.getTransferId(), confirmed);
            send(Topics.WALLET_TRANSFER_EVENTS, command.getTransferId(),
                    TransferEvent.newBuilder(confirmed).setEventId(UUID.randomUUID()).build());
        }
    }

    private void send(String topic, String key, SpecificRecord record) {
        producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, record)));
    }

    public static Money usd(long minor) {
        return Money.newBuilder().setAmountMinor(minor).setCurrency("USD").build();
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
