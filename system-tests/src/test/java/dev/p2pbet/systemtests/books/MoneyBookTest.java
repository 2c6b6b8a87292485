package dev.p2pbet.systemtests.books;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.systemtests.clients.Sandbox;
import org.junit.jupiter.api.Test;

class MoneyBookTest {

    @Test
    void the_fee_is_the_floor_of_two_stakes_times_the_fee_rate() {
        assertThat(MoneyBook.fee(1_000, 250)).isEqualTo(50);
        assertThat(MoneyBook.fee(2_345, 250)).isEqualTo(117);   // 117.25
        assertThat(MoneyBook.fee(19, 250)).isZero();            // 0.95
    }

    @Test
    void a_refund_is_the_stake_minus_both_gases_and_never_negative() {
        assertThat(MoneyBook.refundOf(1_000, 26, 27)).isEqualTo(947);
        assertThat(MoneyBook.refundOf(40, 26, 27)).isZero();
    }

    @Test
    void a_paid_bet_moves_both_stakes_to_the_winner_and_the_fee_to_revenue() {
        MoneyBook book = new MoneyBook();
        book.escrowIn("alice", 1_000);
        book.escrowIn("bob", 1_000);
        book.payout("alice", 1_000);

        assertThat(book.expectedChange("alice")).isEqualTo(950);
        assertThat(book.expectedChange("bob")).isEqualTo(-1_000);
        assertThat(book.expectedChange(Sandbox.ESCROW_VAULT)).isZero();
        assertThat(book.expectedChange(Sandbox.PLATFORM_REVENUE)).isEqualTo(50);
    }

    @Test
    void a_refund_gives_ops_back_the_gas_it_sponsored_and_the_network_keeps_what_was_used() {
        MoneyBook book = new MoneyBook();
        book.escrowIn("carol", 500);
        book.gas(26);
        book.refund("carol", 500, 26, 25);
        book.gas(24);

        assertThat(book.expectedChange("carol")).isEqualTo(-51);
        assertThat(book.expectedChange(Sandbox.PLATFORM_OPS)).isEqualTo(51 - 26 - 24);
        assertThat(book.expectedChange(Sandbox.NETWORK_FEES)).isEqualTo(50);
        assertThat(book.expectedChange(Sandbox.ESCROW_VAULT)).isZero();
    }

    @Test
    void only_deposits_change_the_sum_over_all_accounts() {
        MoneyBook book = new MoneyBook();
        book.deposit("dave", 10_000);
        book.escrowIn("dave", 700);
        book.gas(25);
        book.refund("dave", 700, 25, 26);
        book.gas(27);

        long sum = book.expectedChanges().values().stream().mapToLong(Long::longValue).sum();
        assertThat(sum).isEqualTo(book.deposits()).isEqualTo(10_000);
    }
}
