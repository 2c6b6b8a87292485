package dev.p2pbet.walletsim.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private static TransferRequest aRequest(String from, long amount) {
        return new TransferRequest(from, "ESCROW_VAULT", amount, "USD", "bet-1:escrow-creator");
    }

    private static Transfer aPendingTransfer(String from, long amount, long gasLimit) {
        return Transfer.accept(UUID.randomUUID(), "gateway", "bet-1:escrow-creator", aRequest(from, amount), gasLimit,
                NOW, Duration.ofSeconds(2));
    }

    @Test
    void starts_pending_at_sequence_one_and_due_after_the_confirmation_delay() {
        Transfer transfer = aPendingTransfer("alice", 500, 40);
        assertThat(transfer.status()).isEqualTo(TransferStatus.PENDING);
        assertThat(transfer.sequence()).isEqualTo(1);
        assertThat(transfer.confirmAfter()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void holds_the_amount_on_the_source_and_the_gas_limit_on_the_sponsor() {
        assertThat(aPendingTransfer("alice", 500, 40).holds()).containsExactly(
                Map.entry("PLATFORM_OPS", 40L), Map.entry("alice", 500L));
    }

    @Test
    void holds_both_on_the_sponsor_when_the_sponsor_pays() {
        assertThat(aPendingTransfer("PLATFORM_OPS", 500, 40).holds()).containsExactly(Map.entry("PLATFORM_OPS", 540L));
    }

    @Test
    void moves_the_amount_and_the_gas_to_network_fees_when_confirmed_and_the_postings_sum_to_zero() {
        Transfer confirmed = aPendingTransfer("alice", 500, 40).confirm(37, NOW.plusSeconds(2));
        assertThat(confirmed.postings()).containsExactly(
                Map.entry("ESCROW_VAULT", 500L), Map.entry("NETWORK_FEES", 37L),
                Map.entry("PLATFORM_OPS", -37L), Map.entry("alice", -500L));
        assertThat(confirmed.postings().values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(confirmed.sequence()).isEqualTo(2);
        assertThat(confirmed.gasUsedMinor()).isEqualTo(37);
    }

    @Test
    void moves_nothing_when_failed() {
        Transfer failed = aPendingTransfer("alice", 500, 40).fail("rejected_by_network", NOW);
        assertThat(failed.status()).isEqualTo(TransferStatus.FAILED);
        assertThatThrownBy(failed::postings).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void never_settles_twice() {
        Transfer confirmed = aPendingTransfer("alice", 500, 40).confirm(37, NOW);
        assertThatThrownBy(() -> confirmed.confirm(37, NOW)).isInstanceOf(IllegalTransferTransitionException.class);
        assertThatThrownBy(() -> confirmed.fail("late", NOW)).isInstanceOf(IllegalTransferTransitionException.class);
    }

    @Test
    void never_uses_more_gas_than_it_held() {
        assertThatThrownBy(() -> aPendingTransfer("alice", 500, 40).confirm(41, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void is_replayed_by_the_same_request() {
        assertThat(aPendingTransfer("alice", 500, 40).isReplayedBy(aRequest("alice", 500))).isTrue();
    }

    @Test
    void is_not_replayed_by_another_amount_account_or_reference() {
        Transfer transfer = aPendingTransfer("alice", 500, 40);
        assertThat(transfer.isReplayedBy(aRequest("alice", 501))).isFalse();
        assertThat(transfer.isReplayedBy(aRequest("bob", 500))).isFalse();
        assertThat(transfer.isReplayedBy(new TransferRequest("alice", "ESCROW_VAULT", 500, "USD", "other"))).isFalse();
    }

    @Test
    void treats_a_missing_reference_as_an_empty_one() {
        assertThat(new TransferRequest("a", "b", 1, "USD", null).fingerprint())
                .isEqualTo(new TransferRequest("a", "b", 1, "USD", "").fingerprint());
    }

    @Test
    void refuses_a_transfer_to_the_same_account_or_of_nothing() {
        assertThatThrownBy(() -> new TransferRequest("a", "a", 1, "USD", null)).isInstanceOf(InvalidTransferException.class);
        assertThatThrownBy(() -> new TransferRequest("a", "b", 0, "USD", null)).isInstanceOf(InvalidTransferException.class);
        assertThatThrownBy(() -> new TransferRequest("a", "b", 1, "usd", null)).isInstanceOf(InvalidTransferException.class);
    }
}
