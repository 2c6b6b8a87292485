package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    private final Sizes medium = Sizes.named("medium");

    @Test
    void makes_enough_offers_for_c2_to_compile_the_offer_path_at_the_sizes_that_measure() {
        WarmUp warmUp = WarmUp.of(medium, null, " ");

        assertThat(warmUp).isEqualTo(new WarmUp(30, Duration.ofSeconds(400)));
        assertThat(warmUp.offers()).isEqualTo(12_000);
        assertThat(warmUp).hasToString("12,000 offers at 30/s");
        assertThat(medium.c1Only()).isFalse();
    }

    @Test
    void is_the_steady_run_once_on_c1_at_smoke_size() {
        Sizes smoke = Sizes.named("smoke");

        assertThat(WarmUp.of(smoke, null, null)).isEqualTo(new WarmUp(smoke.steadyRate(), smoke.steadyDuration()));
        assertThat(smoke.c1Only()).isTrue();
    }

    @Test
    void takes_its_rate_and_seconds_from_the_properties() {
        assertThat(WarmUp.of(medium, "10", "60")).isEqualTo(new WarmUp(10, Duration.ofSeconds(60)));
    }

    @Test
    void refuses_a_warm_up_without_offers() {
        assertThatThrownBy(() -> WarmUp.of(medium, "0", "60")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WarmUp.of(medium, "10", "0")).isInstanceOf(IllegalArgumentException.class);
    }
}
