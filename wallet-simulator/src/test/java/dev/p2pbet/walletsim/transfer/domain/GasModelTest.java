package dev.p2pbet.walletsim.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GasModelTest {

    private final GasModel gas = new GasModel(25, 10, 10);

    @Test
    void estimates_a_base_plus_a_share_of_the_amount_rounded_down() {
        assertThat(gas.estimate(10_000)).isEqualTo(25 + 10);
        assertThat(gas.estimate(9_999)).isEqualTo(25 + 9);
        assertThat(gas.estimate(1)).isEqualTo(25);
    }

    @Test
    void limits_the_gas_to_the_estimate_plus_the_jitter() {
        assertThat(gas.limit(10_000)).isEqualTo(35 + 3);
    }

    @Test
    void uses_gas_within_the_jitter_around_the_estimate_and_never_above_the_limit() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(gas.used(10_000, random)).isBetween(35L - 3, gas.limit(10_000));
        }
    }

    @Test
    void uses_exactly_the_estimate_without_jitter() {
        GasModel steady = new GasModel(25, 10, 0);
        assertThat(steady.used(10_000, new SplittableRandom(1))).isEqualTo(steady.estimate(10_000)).isEqualTo(35);
    }

    @Test
    void draws_the_same_gas_from_the_same_seed() {
        assertThat(gas.used(1_000_000, new SplittableRandom(7))).isEqualTo(gas.used(1_000_000, new SplittableRandom(7)));
    }

    @Test
    void stays_exact_for_the_largest_amount() {
        long max = TransferRequest.MAX_AMOUNT_MINOR;
        assertThat(new GasModel(0, 10_000, 0).estimate(max)).isEqualTo(max);
        assertThat(new GasModel(0, 1, 0).estimate(max)).isEqualTo(max / 10_000);
    }

    @Test
    void refuses_a_share_above_the_whole_amount() {
        assertThatThrownBy(() -> new GasModel(0, 10_001, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
