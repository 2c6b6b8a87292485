package dev.p2pbet.walletsim.fault.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultDiceTest {

    private static FaultSettings someFaults(long seed) {
        return new FaultSettings(seed, 0.3, 0.5, 0.2, Duration.ofMillis(100), 0.1, 0.2, 0.2, Duration.ofMillis(500));
    }

    private static List<Object> aRun(FaultDice dice) {
        List<Object> draws = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            draws.add(dice.postTransfer());
            draws.add(dice.responseDelay());
            draws.add(dice.failTransfer());
            draws.add(dice.webhook());
        }
        return draws;
    }

    @Test
    void repeats_the_same_faults_from_the_same_seed() {
        assertThat(aRun(new FaultDice(someFaults(42)))).isEqualTo(aRun(new FaultDice(someFaults(42))));
        assertThat(aRun(new FaultDice(someFaults(42)))).isNotEqualTo(aRun(new FaultDice(someFaults(43))));
    }

    @Test
    void injects_nothing_when_every_rate_is_zero() {
        FaultDice dice = new FaultDice(FaultSettings.none());
        for (int i = 0; i < 100; i++) {
            assertThat(dice.postTransfer()).isEqualTo(FaultDice.PostOutcome.NORMAL);
            assertThat(dice.responseDelay()).isZero();
            assertThat(dice.failTransfer()).isFalse();
            assertThat(dice.webhook()).isEqualTo(new FaultDice.WebhookPlan(false, List.of(Duration.ZERO)));
        }
    }

    @Test
    void always_fails_after_commit_with_a_rate_and_share_of_one() {
        FaultDice dice = new FaultDice(new FaultSettings(1, 1, 1, 0, Duration.ZERO, 0, 0, 0, Duration.ZERO));
        assertThat(dice.postTransfer()).isEqualTo(FaultDice.PostOutcome.FAIL_AFTER_COMMIT);
    }

    @Test
    void sends_a_duplicated_webhook_twice_each_copy_within_the_extra_delay() {
        FaultDice dice = new FaultDice(new FaultSettings(1, 0, 0, 0, Duration.ZERO, 0, 0, 1, Duration.ofMillis(300)));
        FaultDice.WebhookPlan plan = dice.webhook();
        assertThat(plan.dropped()).isFalse();
        assertThat(plan.copies()).hasSize(2).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(300)));
    }

    @Test
    void drops_a_webhook_instead_of_duplicating_it_when_both_are_certain() {
        FaultDice dice = new FaultDice(new FaultSettings(1, 0, 0, 0, Duration.ZERO, 0, 1, 1, Duration.ZERO));
        assertThat(dice.webhook().dropped()).isTrue();
    }

    @Test
    void keeps_one_fault_stream_unchanged_when_another_fault_is_switched_on() {
        FaultDice quiet = new FaultDice(new FaultSettings(9, 0.5, 0.5, 0, Duration.ZERO, 0, 0, 0, Duration.ZERO));
        FaultDice noisy = new FaultDice(new FaultSettings(9, 0.5, 0.5, 0, Duration.ZERO, 0.5, 0, 0, Duration.ZERO));
        for (int i = 0; i < 50; i++) {
            noisy.failTransfer();
            assertThat(noisy.postTransfer()).isEqualTo(quiet.postTransfer());
        }
    }
}
