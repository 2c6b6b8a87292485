package dev.p2pbet.walletsim.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountTest {

    private final Account alice = new Account("alice", "USD", 1_000, 0);

    @Test
    void holds_money_so_that_it_cannot_be_spent_twice() {
        Account held = alice.hold(600);
        assertThat(held.availableMinor()).isEqualTo(400);
        assertThatThrownBy(() -> held.hold(401))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.accountId()).isEqualTo("alice");
                    assertThat(e.availableMinor()).isEqualTo(400);
                });
    }

    @Test
    void debits_held_money_after_releasing_it() {
        Account settled = alice.hold(600).release(600).post(-600);
        assertThat(settled.balanceMinor()).isEqualTo(400);
        assertThat(settled.reservedMinor()).isZero();
    }

    @Test
    void refuses_a_deposit_of_nothing() {
        assertThatThrownBy(() -> alice.deposit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
