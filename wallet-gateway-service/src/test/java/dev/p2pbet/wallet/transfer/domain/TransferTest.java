package dev.p2pbet.wallet.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pbet.plumbing.money.Money;
import org.junit.jupiter.api.Test;

class TransferTest {

    private static final Money STAKE = Money.of(500, "USD");

    private static Transfer anEscrowIn() {
        TransferOrder order = new TransferOrder("bet-1:escrow-creator", TransferType.ESCROW_IN, "bet-1", "alice", STAKE, null);
        return Transfer.requested(order, order.type().route("alice-wallet"));
    }

    @Test
    void an_escrow_in_moves_the_stake_from_the_users_wallet_to_the_vault() {
        Transfer transfer = anEscrowIn();

        assertThat(transfer.from()).isEqualTo("alice-wallet");
        assertThat(transfer.to()).isEqualTo(ProviderAccounts.ESCROW_VAULT);
        assertThat(transfer.status()).isEqualTo(TransferStatus.REQUESTED);
        assertThat(transfer.mayBeKnownToProvider()).isFalse();
    }

    @Test
    void every_other_kind_takes_money_out_of_the_vault() {
        assertThat(TransferType.PAYOUT.route("bob-wallet")).isEqualTo(new TransferType.Route("ESCROW_VAULT", "bob-wallet"));
        assertThat(TransferType.REFUND.route("bob-wallet")).isEqualTo(new TransferType.Route("ESCROW_VAULT", "bob-wallet"));
        assertThat(TransferType.FEE.route(null)).isEqualTo(new TransferType.Route("ESCROW_VAULT", "PLATFORM_REVENUE"));
        assertThat(TransferType.GAS_RECOVERY.route(null)).isEqualTo(new TransferType.Route("ESCROW_VAULT", "PLATFORM_OPS"));
    }

    @Test
    void a_counted_provider_call_means_the_provider_may_know_the_transfer() {
        Transfer attempted = anEscrowIn().attempted();

        assertThat(attempted.attempts()).isEqualTo(1);
        assertThat(attempted.status()).isEqualTo(TransferStatus.REQUESTED);
        assertThat(attempted.mayBeKnownToProvider()).isTrue();
    }

    @Test
    void only_a_requested_transfer_counts_a_provider_call() {
        assertThatThrownBy(() -> anEscrowIn().submitted("p-1").attempted())
                .isInstanceOf(IllegalTransferTransitionException.class);
    }

    @Test
    void a_requested_transfer_is_submitted_then_confirmed_with_its_gas() {
        Transfer confirmed = anEscrowIn().submitted("p-1").confirmed("p-1", Money.of(27, "USD"));

        assertThat(confirmed.status()).isEqualTo(TransferStatus.CONFIRMED);
        assertThat(confirmed.gasUsed()).isEqualTo(Money.of(27, "USD"));
    }

    @Test
    void a_requested_transfer_may_be_confirmed_directly_when_the_provider_answer_is_already_final() {
        assertThat(anEscrowIn().confirmed("p-1", Money.of(27, "USD")).status()).isEqualTo(TransferStatus.CONFIRMED);
    }

    @Test
    void a_confirmed_transfer_can_neither_fail_nor_be_confirmed_again() {
        Transfer confirmed = anEscrowIn().confirmed("p-1", Money.of(27, "USD"));

        assertThatThrownBy(() -> confirmed.failed(null, TransferFailure.rejected("late")))
                .isInstanceOf(IllegalTransferTransitionException.class);
        assertThatThrownBy(() -> confirmed.confirmed("p-1", Money.of(27, "USD")))
                .isInstanceOf(IllegalTransferTransitionException.class);
    }

    @Test
    void a_submitted_transfer_cannot_be_submitted_twice() {
        assertThatThrownBy(() -> anEscrowIn().submitted("p-1").submitted("p-1"))
                .isInstanceOf(IllegalTransferTransitionException.class);
    }

    @Test
    void only_a_failure_the_provider_never_saw_may_be_commanded_again() {
        Transfer unavailable = anEscrowIn().failed(null, TransferFailure.unavailable("down"));
        Transfer broke = anEscrowIn().failed(null, TransferFailure.insufficientFunds("broke"));

        assertThat(unavailable.reopened().status()).isEqualTo(TransferStatus.REQUESTED);
        assertThatThrownBy(broke::reopened).isInstanceOf(IllegalTransferTransitionException.class);
    }

    @Test
    void insufficient_funds_is_not_retryable() {
        assertThat(TransferFailure.insufficientFunds("broke").retryable()).isFalse();
        assertThat(TransferFailure.unavailable("down").retryable()).isTrue();
    }

    @Test
    void a_transfer_id_of_another_bet_is_refused() {
        assertThatThrownBy(() -> new TransferOrder("bet-2:payout", TransferType.PAYOUT, "bet-1", "bob", STAKE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_transfer_moves_a_positive_amount() {
        assertThatThrownBy(() -> new TransferOrder("bet-1:fee", TransferType.FEE, "bet-1", null, Money.zero("USD"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_provider_transfer_matches_only_with_the_same_accounts_and_amount() {
        Transfer transfer = anEscrowIn();

        assertThat(transfer.matches("alice-wallet", "ESCROW_VAULT", 500, "USD")).isTrue();
        assertThat(transfer.matches("alice-wallet", "ESCROW_VAULT", 501, "USD")).isFalse();
        assertThat(transfer.matches("mallory", "ESCROW_VAULT", 500, "USD")).isFalse();
    }
}
