package dev.p2pbet.walletsim.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(3), 5);

    @Test
    void doubles_the_wait_after_each_failed_attempt_up_to_the_cap() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delayAfter(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void gives_up_after_the_last_attempt() {
        assertThat(backoff.givesUpAfter(4)).isFalse();
        assertThat(backoff.givesUpAfter(5)).isTrue();
    }
}
