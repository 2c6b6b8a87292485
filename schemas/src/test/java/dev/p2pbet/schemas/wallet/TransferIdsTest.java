package dev.p2pbet.schemas.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TransferIdsTest {

    private static final String BET = "7f1c2a9e-0b3d-4c55-9a1e-2f6b8d0c4e11";

    @Test
    void every_transfer_of_a_bet_has_its_own_id_prefixed_by_the_bet_id() {
        List<String> ids = List.of(
                TransferIds.escrowCreator(BET), TransferIds.escrowAcceptor(BET, 1), TransferIds.escrowAcceptor(BET, 2),
                TransferIds.payout(BET), TransferIds.fee(BET),
                TransferIds.refundCreator(BET), TransferIds.refundAcceptor(BET),
                TransferIds.gasRecoveryCreator(BET), TransferIds.gasRecoveryAcceptor(BET));

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith(BET + ":"));
    }

    @Test
    void ids_follow_the_documented_scheme() {
        assertThat(TransferIds.escrowCreator(BET)).isEqualTo(BET + ":escrow-creator");
        assertThat(TransferIds.escrowAcceptor(BET, 2)).isEqualTo(BET + ":escrow-acceptor:2");
        assertThat(TransferIds.payout(BET)).isEqualTo(BET + ":payout");
        assertThat(TransferIds.fee(BET)).isEqualTo(BET + ":fee");
        assertThat(TransferIds.refundCreator(BET)).isEqualTo(BET + ":refund-creator");
        assertThat(TransferIds.refundAcceptor(BET)).isEqualTo(BET + ":refund-acceptor");
        assertThat(TransferIds.gasRecoveryCreator(BET)).isEqualTo(BET + ":gas-recovery-creator");
        assertThat(TransferIds.gasRecoveryAcceptor(BET)).isEqualTo(BET + ":gas-recovery-acceptor");
    }

    @Test
    void the_same_bet_always_gives_the_same_id() {
        assertThat(TransferIds.payout(BET)).isEqualTo(TransferIds.payout(BET));
    }

    @Test
    void acceptance_attempts_count_from_one() {
        assertThatThrownBy(() -> TransferIds.escrowAcceptor(BET, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_bet_id_containing_the_separator_is_rejected() {
        assertThatThrownBy(() -> TransferIds.payout("a:b")).isInstanceOf(IllegalArgumentException.class);
    }
}
