package dev.p2pbet.plumbing.testing;

import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.BetFailureReason;
import dev.p2pbet.schemas.bet.BetRejected;
import dev.p2pbet.schemas.common.Money;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.game.GameStarted;
import dev.p2pbet.schemas.settlement.AuditVerdict;
import dev.p2pbet.schemas.settlement.LiquidityAuditPassed;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.EscrowInRequested;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import dev.p2pbet.schemas.wallet.VaultBalanceReported;
import dev.p2pbet.schemas.wallet.VaultBalanceRequested;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Proves a service's consumer of a topic is wired to the plumbing's DLT handling: puts an
 * undeserializable record and a record of the wrong schema on one partition, then a good record
 * behind them, and reports whether both poison records reached the DLT with their reason and the
 * service's consumer group committed past the good record (the partition is not blocked). The good
 * record names nothing the services know (an unknown game, bet, audit or user), so it changes no
 * state that matters: every consumer ignores it or refuses it as a normal outcome.
 */
public final class PoisonDrill {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PoisonRecords poison;
    private final String groupId;

    public PoisonDrill(PoisonRecords poison, String groupId) {
        this.poison = poison;
        this.groupId = groupId;
    }

    /** What one drill on one topic saw. */
    public record Outcome(String topic, int injected, int deadLetteredWithReason, int goodRecordsDeadLettered,
                          boolean partitionMovedOn) {

        public int partitionsBlocked() {
            return partitionMovedOn ? 0 : 1;
        }
    }

    /** Runs the drill on each topic a service consumes (its consumer group: {@code groupId}), adding rows to the figures. */
    public static List<Outcome> onEveryTopic(String groupId, PoisonFigures figures, String... topics) {
        try (PoisonRecords poison = PoisonRecords.onRealInfrastructure()) {
            PoisonDrill drill = new PoisonDrill(poison, groupId);
            List<Outcome> outcomes = java.util.Arrays.stream(topics).map(drill::run).toList();
            outcomes.forEach(outcome -> figures.row(outcome.topic(), "undeserializable + wrong schema, then a good record",
                    outcome.injected(), outcome.deadLetteredWithReason(), -1, -1, outcome.partitionsBlocked()));
            return outcomes;
        }
    }

    public Outcome run(String topic) {
        String good = "poison-drill-" + UUID.randomUUID();
        String garbage = "poison-drill-garbage-" + UUID.randomUUID();
        String wrongSchema = "poison-drill-wrong-schema-" + UUID.randomUUID();
        int partition = poison.partitionOf(topic, good);
        poison.send(topic, partition, garbage, PoisonRecords.UNDESERIALIZABLE.get("garbage"));
        poison.send(topic, partition, wrongSchema, wrongSchemaFor(topic));
        long goodOffset = poison.send(topic, partition, good, poison.avro(topic, harmless(topic, good)));

        boolean movedOn = committedPast(topic, partition, goodOffset);
        List<ConsumerRecord<String, byte[]>> dead = poison.deadLetters(topic,
                key -> key.equals(garbage) || key.equals(wrongSchema) || key.equals(good), 2, WAIT);
        int withReason = (int) dead.stream().filter(record ->
                record.key().equals(garbage) && "undeserializable".equals(PoisonRecords.reason(record))
                        || record.key().equals(wrongSchema) && "wrong-schema".equals(PoisonRecords.reason(record)))
                .count();
        int goodDead = (int) dead.stream().filter(record -> record.key().equals(good)).count();
        return new Outcome(topic, 2, withReason, goodDead, movedOn);
    }

    private boolean committedPast(String topic, int partition, long offset) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (poison.committedOffset(groupId, topic, partition) > offset) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** A valid record of another type than the topic carries, as its own topic's bytes. */
    private byte[] wrongSchemaFor(String topic) {
        String other = Topics.GAME_EVENTS.equals(topic) ? Topics.WALLET_VAULT_BALANCE_REQUESTS : Topics.GAME_EVENTS;
        return poison.avro(other, harmless(other, "poison-drill-other-" + UUID.randomUUID()));
    }

    /** A valid record of the topic's type about an aggregate ({@code key}) no service knows. */
    public static SpecificRecord harmless(String topic, String key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID eventId = UUID.randomUUID();
        Money oneCent = Money.newBuilder().setAmountMinor(1).setCurrency("USD").build();
        return switch (topic) {
            case Topics.BET_EVENTS -> BetEvent.newBuilder().setEventId(eventId).setOccurredAt(now).setBetId(key)
                    .setPayload(BetRejected.newBuilder().setBetId(key).setReason(BetFailureReason.OTHER)
                            .setMessage("poison drill").build()).build();
            case Topics.GAME_EVENTS -> GameEvent.newBuilder().setEventId(eventId).setOccurredAt(now).setGameId(key)
                    .setPayload(GameStarted.newBuilder().setGameId(key).setStartedAt(now).build()).build();
            case Topics.SETTLEMENT_EVENTS -> SettlementEvent.newBuilder().setEventId(eventId).setOccurredAt(now)
                    .setAggregateId(key).setPayload(LiquidityAuditPassed.newBuilder().setAuditId(key)
                            .setExpected(oneCent).setActual(oneCent)
                            .setDifference(Money.newBuilder(oneCent).setAmountMinor(0).build())
                            .setVerdict(AuditVerdict.BALANCED).build()).build();
            // a user without a wallet: the gateway refuses it as WALLET_NOT_LINKED without calling the provider
            case Topics.WALLET_TRANSFER_COMMANDS -> TransferCommand.newBuilder().setEventId(eventId).setOccurredAt(now)
                    .setTransferId(TransferIds.escrowCreator(key)).setPayload(EscrowInRequested.newBuilder()
                            .setTransferId(TransferIds.escrowCreator(key)).setBetId(key)
                            .setUserId("poison-drill-nobody").setStake(oneCent).build()).build();
            case Topics.WALLET_TRANSFER_EVENTS -> TransferEvent.newBuilder().setEventId(eventId).setOccurredAt(now)
                    .setTransferId(key).setPayload(TransferConfirmed.newBuilder().setTransferId(key).setBetId(key)
                            .setPurpose(TransferPurpose.ESCROW_IN).setAmount(oneCent).setGasUsed(oneCent)
                            .setProviderReference("poison-drill").build()).build();
            case Topics.WALLET_VAULT_BALANCE_REQUESTS -> VaultBalanceRequested.newBuilder().setEventId(eventId)
                    .setOccurredAt(now).setRequestId(key).setRequestedAt(now).build();
            case Topics.WALLET_VAULT_BALANCE_REPORTS -> VaultBalanceReported.newBuilder().setEventId(eventId)
                    .setOccurredAt(now).setRequestId(key).setBalance(oneCent).setAsOf(now).build();
            default -> throw new IllegalArgumentException("no harmless record for " + topic);
        };
    }
}
