package dev.p2pbet.wallet;

import static dev.p2pbet.wallet.support.TransferCommands.aBetId;
import static dev.p2pbet.wallet.support.Users.aUserWith;
import static dev.p2pbet.wallet.support.Users.walletOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.testing.PoisonDrill;
import dev.p2pbet.plumbing.testing.PoisonFigures;
import dev.p2pbet.plumbing.testing.PoisonRecords;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.wallet.support.TransferCommands;
import dev.p2pbet.wallet.support.TransferEventsRecorder;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.wallet.support.WalletSimulator;
import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway's consumers are wired to the plumbing's DLT handling: poison on every topic it consumes
 * goes to the DLT with its reason, and a transfer command that breaks a rule (a negative amount) goes
 * there at once while the command behind it on the same partition still moves money
 * (figures in target/reliability/poison-wallet-gateway-service.md).
 */
@WalletGatewayIT
class WalletGatewayPoisonRecordsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final PoisonFigures FIGURES = new PoisonFigures("wallet-gateway-service");

    private final TransferEventsRecorder events = TransferEventsRecorder.shared();
    private final WalletSimulator simulator = WalletSimulator.shared();

    @Autowired
    WalletRepository wallets;

    @AfterAll
    static void writeFigures() {
        FIGURES.write();
    }

    @Test
    void every_consumed_topic_dead_letters_its_poison_with_the_reason_and_keeps_consuming() {
        List<PoisonDrill.Outcome> outcomes = PoisonDrill.onEveryTopic("wallet-gateway-service", FIGURES,
                Topics.WALLET_TRANSFER_COMMANDS, Topics.WALLET_VAULT_BALANCE_REQUESTS);

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.deadLetteredWithReason()).as(outcome.topic()).isEqualTo(outcome.injected());
            assertThat(outcome.goodRecordsDeadLettered()).as(outcome.topic()).isZero();
            assertThat(outcome.partitionMovedOn()).as(outcome.topic()).isTrue();
        });
    }

    @Test
    void dead_letters_a_transfer_command_with_a_negative_amount_at_once_and_moves_the_next_one() {
        String alice = aUserWith(10_000, wallets);
        TransferCommand negative = TransferCommands.escrowIn(aBetId(), alice, -500);
        TransferCommand good = TransferCommands.escrowIn(aBetId(), alice, 500);
        String topic = Topics.WALLET_TRANSFER_COMMANDS;
        try (PoisonRecords poison = PoisonRecords.onRealInfrastructure()) {
            int partition = poison.partitionOf(topic, good.getTransferId());
            poison.send(topic, partition, negative.getTransferId(), poison.avro(topic, negative));
            poison.send(topic, partition, good.getTransferId(), poison.avro(topic, good));

            events.awaitConfirmed(good.getTransferId(), WAIT);
            List<ConsumerRecord<String, byte[]>> dead = poison.deadLetters(topic,
                    negative.getTransferId()::equals, 1, WAIT);
            assertThat(dead).hasSize(1);
            assertThat(PoisonRecords.reason(dead.get(0))).isEqualTo("business-rule");
            assertThat(PoisonRecords.springHeader(dead.get(0), "kafka_dlt-exception-message"))
                    .contains("is not a valid transfer");
            assertThat(events.outcomes(negative.getTransferId())).isEmpty();
            assertThat(simulator.balance(walletOf(alice))).isEqualTo(9_500);
            FIGURES.row(topic, "business rule (negative amount), then a good command", 1, 1, -1, -1, 0);
        }
    }
}
