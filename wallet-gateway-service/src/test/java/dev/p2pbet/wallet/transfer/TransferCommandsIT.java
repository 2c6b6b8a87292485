package dev.p2pbet.wallet.transfer;

import static dev.p2pbet.wallet.support.TransferCommands.aBetId;
import static dev.p2pbet.wallet.support.Users.aUserWith;
import static dev.p2pbet.wallet.support.Users.walletOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.schemas.wallet.TransferPurpose;
import dev.p2pbet.testinfra.RealInfrastructure;
import dev.p2pbet.wallet.support.TransferCommands;
import dev.p2pbet.wallet.support.TransferEventsRecorder;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.wallet.support.WalletSimulator;
import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

@WalletGatewayIT
class TransferCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TransferCommands commands = new TransferCommands();
    private final WalletSimulator simulator = WalletSimulator.shared();
    private final TransferEventsRecorder events = TransferEventsRecorder.shared();

    @Autowired
    WalletRepository wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void an_escrow_in_moves_the_stake_to_the_vault_and_is_confirmed_with_its_gas() {
        String alice = aUserWith(10_000, wallets);
        long vaultBefore = simulator.balance("ESCROW_VAULT");
        String betId = aBetId();

        commands.send(TransferCommands.escrowIn(betId, alice, 500));

        TransferConfirmed confirmed = events.awaitConfirmed(TransferIds.escrowCreator(betId), WAIT);
        assertThat(confirmed.getPurpose()).isEqualTo(TransferPurpose.ESCROW_IN);
        assertThat(confirmed.getUserId()).isEqualTo(alice);
        assertThat(confirmed.getAmount().getAmountMinor()).isEqualTo(500);
        assertThat(confirmed.getGasUsed().getAmountMinor()).isPositive();
        assertThat(confirmed.getProviderReference()).isNotBlank();
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(9_500);
        assertThat(simulator.balance("ESCROW_VAULT")).isEqualTo(vaultBefore + 500);
        assertThat(status(TransferIds.escrowCreator(betId))).isEqualTo("confirmed");
    }

    @Test
    void the_outcome_of_a_transfer_continues_the_trace_of_its_command_even_when_a_webhook_brings_it() {
        String alice = aUserWith(10_000, wallets);
        String betId = aBetId();
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");

        commands.send(TransferCommands.escrowIn(betId, alice, 400), "00-" + traceId + "-00f067aa0ba902b7-01");

        String transferId = TransferIds.escrowCreator(betId);
        events.awaitConfirmed(transferId, WAIT);
        var record = TopicProbe.onRealInfrastructure().findByKey(Topics.WALLET_TRANSFER_EVENTS, transferId, WAIT)
                .orElseThrow();
        assertThat(record.headers().lastHeader("traceparent")).isNotNull();
        assertThat(new String(record.headers().lastHeader("traceparent").value(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("00-" + traceId + "-");
    }

    @Test
    void a_command_delivered_twice_moves_money_once() {
        String alice = aUserWith(10_000, wallets);
        String betId = aBetId();
        TransferCommand command = TransferCommands.escrowIn(betId, alice, 700);

        commands.send(command);
        commands.send(command);

        String transferId = TransferIds.escrowCreator(betId);
        events.awaitConfirmed(transferId, WAIT);
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(9_300);
        assertOneOutcomeStays(transferId);
    }

    @Test
    void the_same_transfer_commanded_again_with_a_new_event_id_moves_money_once() {
        String alice = aUserWith(10_000, wallets);
        String betId = aBetId();

        commands.send(TransferCommands.escrowIn(betId, alice, 300));
        commands.send(TransferCommands.escrowIn(betId, alice, 300));

        String transferId = TransferIds.escrowCreator(betId);
        events.awaitConfirmed(transferId, WAIT);
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(9_700);
        assertOneOutcomeStays(transferId);
    }

    @Test
    void insufficient_funds_fail_the_transfer_with_that_reason_and_the_provider_keeps_nothing() {
        String bob = aUserWith(100, wallets);
        String betId = aBetId();

        commands.send(TransferCommands.escrowIn(betId, bob, 500));

        String transferId = TransferIds.escrowCreator(betId);
        TransferFailed failed = events.awaitFailed(transferId, WAIT);
        assertThat(failed.getReason()).isEqualTo(TransferFailureReason.INSUFFICIENT_FUNDS);
        assertThat(failed.getRetryable()).isFalse();
        assertThat(failed.getUserId()).isEqualTo(bob);
        assertThat(simulator.transferByKey(transferId)).as("the provider's 409 stores nothing").isEmpty();
        assertThat(simulator.balance(walletOf(bob))).isEqualTo(100);
    }

    @Test
    void a_transfer_command_does_not_read_the_source_balance_at_the_provider() {
        String alice = aUserWith(1_000, wallets);
        String bob = aUserWith(100, wallets);
        String covered = aBetId();
        String notCovered = aBetId();
        long balanceReadsBefore = providerCalls("balance");

        commands.send(TransferCommands.escrowIn(covered, alice, 500));
        commands.send(TransferCommands.escrowIn(notCovered, bob, 500));

        events.awaitConfirmed(TransferIds.escrowCreator(covered), WAIT);
        events.awaitFailed(TransferIds.escrowCreator(notCovered), WAIT);
        assertThat(providerCalls("balance")).as("the provider's atomic 409 decides insufficient funds")
                .isEqualTo(balanceReadsBefore);
    }

    @Test
    void a_new_transfer_is_stored_with_its_first_provider_call_counted_and_sent_once() {
        String alice = aUserWith(10_000, wallets);
        String betId = aBetId();

        commands.send(TransferCommands.escrowIn(betId, alice, 200));

        String transferId = TransferIds.escrowCreator(betId);
        events.awaitConfirmed(transferId, WAIT);
        assertThat(attempts(transferId)).as("one call, counted in the command's own transaction").isEqualTo(1);
    }

    @Test
    void the_transfer_command_consumers_fetch_at_most_50_records_a_poll() {
        var containers = listeners.getListenerContainers().stream()
                .filter(c -> Arrays.asList(c.getContainerProperties().getTopics())
                        .contains(Topics.WALLET_TRANSFER_COMMANDS))
                .toList();

        assertThat(containers).isNotEmpty().allSatisfy(c -> assertThat(
                c.getContainerProperties().getKafkaConsumerProperties().getProperty("max.poll.records"))
                .isEqualTo("50"));
    }

    @Test
    void a_user_without_a_linked_wallet_gets_a_wallet_not_linked_failure() {
        String betId = aBetId();

        commands.send(TransferCommands.escrowIn(betId, "user-without-wallet", 500));

        TransferFailed failed = events.awaitFailed(TransferIds.escrowCreator(betId), WAIT);
        assertThat(failed.getReason()).isEqualTo(TransferFailureReason.WALLET_NOT_LINKED);
    }

    @Test
    void a_payout_and_its_fee_leave_the_vault_for_the_winner_and_the_platform() {
        String alice = aUserWith(1_000, wallets);
        String bob = aUserWith(1_000, wallets);
        String betId = aBetId();
        commands.send(TransferCommands.escrowIn(betId, alice, 400));
        events.awaitConfirmed(TransferIds.escrowCreator(betId), WAIT);
        long revenueBefore = simulator.balance("PLATFORM_REVENUE");

        commands.send(TransferCommands.payout(betId, bob, 380));
        commands.send(TransferCommands.fee(betId, 20));

        TransferConfirmed payout = events.awaitConfirmed(TransferIds.payout(betId), WAIT);
        TransferConfirmed fee = events.awaitConfirmed(TransferIds.fee(betId), WAIT);
        assertThat(payout.getPurpose()).isEqualTo(TransferPurpose.PAYOUT);
        assertThat(fee.getUserId()).isNull();
        assertThat(simulator.balance(walletOf(bob))).isEqualTo(1_380);
        assertThat(simulator.balance("PLATFORM_REVENUE")).isEqualTo(revenueBefore + 20);
    }

    @Test
    void a_refund_returns_the_stake_minus_gas_to_its_owner() {
        String alice = aUserWith(1_000, wallets);
        String betId = aBetId();
        commands.send(TransferCommands.escrowIn(betId, alice, 400));
        events.awaitConfirmed(TransferIds.escrowCreator(betId), WAIT);

        commands.send(TransferCommands.refund(betId, alice, 340, 400));

        TransferConfirmed refund = events.awaitConfirmed(TransferIds.refundCreator(betId), WAIT);
        assertThat(refund.getPurpose()).isEqualTo(TransferPurpose.REFUND);
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(940);
    }

    @Test
    void a_command_that_can_never_be_a_valid_transfer_goes_to_the_dead_letter_topic_and_moves_nothing() {
        String betId = aBetId();
        TransferCommand ofAnotherBet = TransferCommands.escrowIn(betId, "alice", 500);
        ofAnotherBet.setTransferId(TransferIds.escrowCreator(aBetId()));
        RealInfrastructure infra = RealInfrastructure.shared();
        TopicProbe probe = new TopicProbe(infra.kafkaBootstrapServers(), infra.registryApiUrl(), infra.registryCcompatUrl());

        commands.send(ofAnotherBet);

        assertThat(probe.findByKey(Topics.WALLET_TRANSFER_COMMANDS + ".DLT", ofAnotherBet.getTransferId(), WAIT)).isPresent();
        assertThat(simulator.transferByKey(TransferIds.escrowCreator(betId))).isEmpty();
        assertThat(events.outcomes(ofAnotherBet.getTransferId())).isEmpty();
    }

    private void assertOneOutcomeStays(String transferId) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> events.outcomes(transferId).size() == 1);
        assertThat(simulator.transferByKey(transferId)).isPresent();
    }

    /** Calls the gateway made to the provider for this operation (every attempt), by its latency histogram. */
    private long providerCalls(String operation) {
        return meters.find("betting.provider.request.duration").tag("operation", operation).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private int attempts(String transferId) {
        return jdbc.sql("SELECT attempts FROM wallet_transactions WHERE transfer_id = ?").param(transferId)
                .query(Integer.class).single();
    }

    private String status(String transferId) {
        return jdbc.sql("SELECT status FROM wallet_transactions WHERE transfer_id = ?").param(transferId)
                .query(String.class).single();
    }
}
