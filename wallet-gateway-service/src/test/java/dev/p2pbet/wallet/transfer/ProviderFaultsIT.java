package dev.p2pbet.wallet.transfer;

import static dev.p2pbet.wallet.support.TransferCommands.aBetId;
import static dev.p2pbet.wallet.support.Users.aUserWith;
import static dev.p2pbet.wallet.support.Users.walletOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.schemas.wallet.TransferCommand;
import dev.p2pbet.schemas.wallet.TransferConfirmed;
import dev.p2pbet.schemas.wallet.TransferEvent;
import dev.p2pbet.schemas.wallet.TransferFailed;
import dev.p2pbet.schemas.wallet.TransferFailureReason;
import dev.p2pbet.schemas.wallet.TransferIds;
import dev.p2pbet.wallet.support.TransferCommands;
import dev.p2pbet.wallet.support.TransferEventsRecorder;
import dev.p2pbet.wallet.support.WalletGatewayIT;
import dev.p2pbet.wallet.support.WalletSimulator;
import dev.p2pbet.wallet.transfer.domain.Transfer;
import dev.p2pbet.wallet.transfer.domain.TransferOrder;
import dev.p2pbet.wallet.transfer.domain.TransferType;
import dev.p2pbet.wallet.transfer.persistence.TransferLedger;
import dev.p2pbet.wallet.wallet.persistence.WalletRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The provider misbehaves (the simulator's fault switches, seeded so a run repeats): 5xx before and after it stored
 * the transfer, responses slower than the gateway's read timeout, a provider that stays down. Each transfer ends
 * confirmed or cleanly failed, with exactly one outcome, and money moves at most once.
 */
@WalletGatewayIT
class ProviderFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final TransferCommands commands = new TransferCommands();
    private final WalletSimulator simulator = WalletSimulator.shared();
    private final TransferEventsRecorder events = TransferEventsRecorder.shared();

    @Autowired
    WalletRepository wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProviderCalls calls;

    @Autowired
    TransferLedger ledger;

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void provider_5xx_before_and_after_storing_the_transfer_are_retried_and_every_transfer_is_confirmed_once() {
        simulator.faults("{\"seed\":7,\"post_transfer_error_rate\":0.6,\"error_after_commit_share\":0.5}");

        List<Escrow> escrows = escrowsOf(6, 1_000, 5_000);

        escrows.forEach(escrow -> {
            TransferConfirmed confirmed = events.awaitConfirmed(escrow.transferId(), WAIT);
            assertThat(confirmed.getAmount().getAmountMinor()).isEqualTo(1_000);
        });
        escrows.forEach(this::assertMovedOnce);
    }

    @Test
    void provider_timeouts_are_retried_and_every_transfer_is_confirmed_once() {
        simulator.faults("{\"seed\":11,\"slow_response_rate\":0.5,\"slow_response_delay_ms\":800}");

        List<Escrow> escrows = escrowsOf(4, 1_000, 5_000);

        escrows.forEach(escrow -> events.awaitConfirmed(escrow.transferId(), WAIT));
        simulator.noFaults();
        escrows.forEach(this::assertMovedOnce);
    }

    @Test
    void commands_one_consumer_takes_in_turn_wait_for_a_slow_provider_together_not_one_after_another() {
        List<TransferCommand> escrowIns = new ArrayList<>();
        List<Escrow> escrows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = aUserWith(5_000, wallets);
            TransferCommand escrowIn = TransferCommands.escrowIn(aBetId(), user, 1_000);
            escrowIns.add(escrowIn);
            escrows.add(new Escrow(user, escrowIn.getTransferId(), 1_000, 5_000));
        }
        simulator.faults("{\"slow_response_rate\":1.0,\"slow_response_delay_ms\":2000}");

        escrowIns.forEach(escrowIn -> commands.sendTo(0, escrowIn));

        // Answered one after another, the second command would be stored only once the first was answered (2 s),
        // and the first would be submitted by then: four requested at once means four calls under way at once.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> escrows.stream()
                .map(escrow -> status(escrow.transferId())).filter("requested"::equals).count() == 4);
        escrows.forEach(escrow -> events.awaitConfirmed(escrow.transferId(), WAIT));
        simulator.noFaults();
        escrows.forEach(this::assertMovedOnce);
    }

    @Test
    void transfers_a_crash_left_requested_are_recovered_together_not_one_after_another() {
        simulator.faults("{\"slow_response_rate\":1.0,\"slow_response_delay_ms\":400}");

        List<Escrow> escrows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String user = aUserWith(5_000, wallets);
            String betId = aBetId();
            escrows.add(new Escrow(user, TransferIds.escrowCreator(betId), 1_000, 5_000));
            ledger.insert(leftByACrash(betId, user, 1_000));
        }

        // Recovered one after another on the reconciler's thread, no call slot would ever be taken: six taken at once
        // means the six look-ups and submissions are under way together.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> calls.underWay() >= 6);
        escrows.forEach(escrow -> events.awaitConfirmed(escrow.transferId(), WAIT));
        simulator.noFaults();
        escrows.forEach(this::assertMovedOnce);
    }

    @Test
    void a_provider_that_stays_down_fails_the_transfer_cleanly_and_the_same_transfer_succeeds_when_commanded_again() {
        simulator.faults("{\"post_transfer_error_rate\":1.0,\"error_after_commit_share\":0.0}");
        String alice = aUserWith(5_000, wallets);
        String betId = aBetId();
        String transferId = TransferIds.escrowCreator(betId);

        commands.send(TransferCommands.escrowIn(betId, alice, 1_000));

        TransferFailed failed = events.awaitFailed(transferId, WAIT);
        assertThat(failed.getReason()).isEqualTo(TransferFailureReason.PROVIDER_UNAVAILABLE);
        assertThat(failed.getRetryable()).isTrue();
        assertThat(simulator.transferByKey(transferId)).as("the provider never took it").isEmpty();
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(5_000);

        simulator.noFaults();
        commands.send(TransferCommands.escrowIn(betId, alice, 1_000));

        await().atMost(WAIT).until(() -> events.outcomes(transferId).size() == 2);
        List<TransferEvent> outcomes = events.outcomes(transferId);
        assertThat(outcomes.get(1).getPayload()).isInstanceOf(TransferConfirmed.class);
        assertThat(simulator.balance(walletOf(alice))).isEqualTo(4_000);
    }

    private List<Escrow> escrowsOf(int count, long stake, long balance) {
        List<Escrow> escrows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = aUserWith(balance, wallets);
            String betId = aBetId();
            escrows.add(new Escrow(user, TransferIds.escrowCreator(betId), stake, balance));
            commands.send(TransferCommands.escrowIn(betId, user, stake));
        }
        return escrows;
    }

    private void assertMovedOnce(Escrow escrow) {
        await().atMost(WAIT).until(() -> simulator.available(walletOf(escrow.user())) == escrow.balance() - escrow.stake());
        assertThat(simulator.balance(walletOf(escrow.user()))).isEqualTo(escrow.balance() - escrow.stake());
        assertThat(events.outcomes(escrow.transferId())).hasSize(1);
    }

    /** An escrow stored with its first call counted, the call never made: what a crash right after the commit leaves. */
    private Transfer leftByACrash(String betId, String user, long stake) {
        TransferOrder order = new TransferOrder(TransferIds.escrowCreator(betId), TransferType.ESCROW_IN, betId, user,
                Money.of(stake, "USD"), null);
        return Transfer.requested(order, TransferType.ESCROW_IN.route(wallets.addressOf(user).orElseThrow())).attempted();
    }

    private String status(String transferId) {
        return jdbc.sql("SELECT status FROM wallet_transactions WHERE transfer_id = ?").param(transferId)
                .query(String.class).optional().orElse("none");
    }

    private record Escrow(String user, String transferId, long stake, long balance) {
    }
}
