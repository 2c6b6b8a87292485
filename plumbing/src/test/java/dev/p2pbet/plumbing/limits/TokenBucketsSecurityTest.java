package dev.p2pbet.plumbing.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** OWASP API4: the per-user token bucket behind the 429s of offer creation and acceptance. */
class TokenBucketsSecurityTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(3, 60, now::get);

    @Test
    void allows_a_burst_up_to_the_capacity_then_refuses() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("alice").allowed()).isTrue();
        }

        assertThat(buckets.take("alice").allowed()).isFalse();
    }

    @Test
    void says_when_the_next_token_comes() {
        drain("alice");

        TokenBuckets.Decision refused = buckets.take("alice");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMillis(999), Duration.ofMillis(1001));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void earns_tokens_back_at_the_rate_per_minute() {
        drain("alice");

        advance(Duration.ofSeconds(2));

        assertThat(buckets.take("alice").allowed()).isTrue();
        assertThat(buckets.take("alice").allowed()).isTrue();
        assertThat(buckets.take("alice").allowed()).isFalse();
    }

    @Test
    void never_holds_more_than_the_capacity() {
        advance(Duration.ofHours(1));

        drain("alice");

        assertThat(buckets.take("alice").allowed()).isFalse();
    }

    @Test
    void keeps_one_bucket_per_user() {
        drain("alice");

        assertThat(buckets.take("bob").allowed()).isTrue();
    }

    @Test
    void forgets_idle_users_once_many_are_tracked() {
        for (int i = 0; i <= 10_001; i++) {
            buckets.take("user-" + i);
        }
        advance(Duration.ofMinutes(1));

        buckets.take("alice");

        assertThat(buckets.trackedKeys()).isEqualTo(1);
    }

    @Test
    void refuses_a_bucket_without_capacity_or_refill() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(0, 1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(1, 0));
    }

    private void drain(String user) {
        while (buckets.take(user).allowed()) {
            // spend every token
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
