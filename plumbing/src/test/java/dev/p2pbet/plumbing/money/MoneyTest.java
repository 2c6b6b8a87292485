package dev.p2pbet.plumbing.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    @Test
    void adds_and_subtracts_in_minor_units() {
        assertThat(usd(1050).plus(usd(25)).minus(usd(75))).isEqualTo(usd(1000));
    }

    @Test
    void takes_a_basis_point_share_rounded_down() {
        // 2.5% of 2 x 3.33 = 16.65 cents, floored to 16.
        assertThat(usd(666).basisPoints(250)).isEqualTo(usd(16));
    }

    @Test
    void floors_negative_shares_towards_minus_infinity() {
        assertThat(usd(-1).basisPoints(250)).isEqualTo(usd(-1));
    }

    @Test
    void refuses_to_mix_currencies() {
        assertThatThrownBy(() -> usd(1).plus(Money.of(1, "EUR"))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void refuses_a_malformed_currency() {
        assertThatThrownBy(() -> Money.of(1, "usd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fails_loudly_instead_of_overflowing() {
        assertThatThrownBy(() -> usd(Long.MAX_VALUE).plus(usd(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void clamps_a_negative_amount_to_zero() {
        assertThat(usd(-5).atLeastZero()).isEqualTo(usd(0));
        assertThat(usd(5).atLeastZero()).isEqualTo(usd(5));
    }

    @Test
    void compares_amounts_of_one_currency() {
        assertThat(usd(2).isGreaterThan(usd(1))).isTrue();
        assertThat(usd(1).isLessThan(usd(2))).isTrue();
    }
}
