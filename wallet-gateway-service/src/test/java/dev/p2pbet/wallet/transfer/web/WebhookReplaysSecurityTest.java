package dev.p2pbet.wallet.transfer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.wallet.transfer.web.WebhookReplays.Seen;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the webhook tells a replayed delivery from a new one, without losing a delivery that failed. */
class WebhookReplaysSecurityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final WebhookReplays replays = new WebhookReplays(Duration.ofSeconds(300));

    @Test
    void a_new_delivery_is_first() {
        assertThat(replays.begin("v1=aa", NOW.getEpochSecond(), NOW)).isEqualTo(Seen.FIRST);
    }

    @Test
    void a_replay_of_an_applied_delivery_is_recognised_as_applied() {
        replays.begin("v1=aa", NOW.getEpochSecond(), NOW);
        replays.applied("v1=aa");

        assertThat(replays.begin("v1=aa", NOW.getEpochSecond(), NOW)).isEqualTo(Seen.APPLIED);
        assertThat(replays.begin("V1=AA ", NOW.getEpochSecond(), NOW)).as("hex case and blanks do not matter")
                .isEqualTo(Seen.APPLIED);
    }

    @Test
    void a_replay_while_the_first_copy_is_applied_is_in_flight() {
        replays.begin("v1=aa", NOW.getEpochSecond(), NOW);

        assertThat(replays.begin("v1=aa", NOW.getEpochSecond(), NOW)).isEqualTo(Seen.IN_FLIGHT);
    }

    @Test
    void a_delivery_that_failed_may_be_delivered_again() {
        replays.begin("v1=aa", NOW.getEpochSecond(), NOW);
        replays.failed("v1=aa");

        assertThat(replays.begin("v1=aa", NOW.getEpochSecond(), NOW)).isEqualTo(Seen.FIRST);
    }

    @Test
    void the_providers_redelivery_with_a_fresh_signature_is_a_new_delivery() {
        replays.begin("v1=aa", NOW.getEpochSecond(), NOW);
        replays.applied("v1=aa");

        assertThat(replays.begin("v1=bb", NOW.getEpochSecond() + 1, NOW.plusSeconds(1))).isEqualTo(Seen.FIRST);
    }

    @Test
    void forgets_deliveries_older_than_the_tolerance_once_many_are_tracked() {
        for (int i = 0; i <= 1_000; i++) {
            replays.begin("v1=" + i, NOW.getEpochSecond(), NOW);
        }

        replays.begin("v1=new", NOW.plusSeconds(301).getEpochSecond(), NOW.plusSeconds(301));

        assertThat(replays.tracked()).isEqualTo(1);
    }

    @Test
    void forgets_a_delivery_older_than_the_tolerance_even_when_few_are_tracked() {
        replays.begin("v1=aa", NOW.getEpochSecond(), NOW);
        replays.applied("v1=aa");

        replays.begin("v1=bb", NOW.plusSeconds(301).getEpochSecond(), NOW.plusSeconds(301));

        assertThat(replays.tracked()).isEqualTo(1);
    }

    @Test
    void remembers_a_delivery_within_the_tolerance_while_later_ones_arrive() {
        replays.begin("v1=aa", NOW.getEpochSecond(), NOW);
        replays.applied("v1=aa");
        replays.begin("v1=bb", NOW.plusSeconds(300).getEpochSecond(), NOW.plusSeconds(300));

        assertThat(replays.begin("v1=aa", NOW.getEpochSecond(), NOW.plusSeconds(300))).isEqualTo(Seen.APPLIED);
    }

    @Test
    void a_delivery_tracked_again_after_a_failure_is_not_forgotten_with_its_failed_copy() {
        replays.begin("v1=aa", NOW.getEpochSecond(), NOW);
        replays.failed("v1=aa");
        replays.begin("v1=aa", NOW.plusSeconds(10).getEpochSecond(), NOW.plusSeconds(10));
        replays.applied("v1=aa");

        assertThat(replays.begin("v1=aa", NOW.plusSeconds(10).getEpochSecond(), NOW.plusSeconds(301)))
                .as("the failed copy expired, the applied one has not").isEqualTo(Seen.APPLIED);
    }
}
