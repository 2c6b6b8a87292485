package dev.p2pbet.wallet.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {

    private final ProviderCalls calls = new ProviderCalls(2);
    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void stop() {
        answer.countDown();
        calls.stop();
    }

    @Test
    void the_caller_goes_on_while_the_calls_it_handed_over_wait_for_the_provider() throws InterruptedException {
        calls.start();

        boolean bothUnderWay = handOverCallsWaitingForTheProvider(2);

        assertThat(bothUnderWay).isTrue();
        assertThat(calls.underWay()).isEqualTo(2);
    }

    @Test
    void the_caller_waits_for_a_free_slot_when_every_slot_waits_for_the_provider() throws InterruptedException {
        calls.start();
        handOverCallsWaitingForTheProvider(2);
        CountDownLatch thirdRan = new CountDownLatch(1);

        Thread caller = Thread.ofPlatform().start(() -> calls.handOver(thirdRan::countDown));

        assertThat(thirdRan.await(300, TimeUnit.MILLISECONDS)).as("no slot free yet").isFalse();
        answer.countDown();
        assertThat(thirdRan.await(5, TimeUnit.SECONDS)).isTrue();
        caller.join(5_000);
    }

    @Test
    void a_call_that_fails_gives_its_slot_back() throws InterruptedException {
        calls.start();
        for (int i = 0; i < 3; i++) {
            calls.handOver(() -> {
                throw new IllegalStateException("the ledger is gone");
            });
        }
        CountDownLatch ran = new CountDownLatch(1);

        calls.handOver(ran::countDown);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void once_stopped_the_caller_makes_the_calls_itself() {
        calls.start();
        calls.stop();
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        calls.handOver(() -> ranOn.set(Thread.currentThread()));

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void refuses_fewer_than_one_slot() {
        assertThatThrownBy(() -> new ProviderCalls(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whether all {@code count} calls got under way; each then waits until the test lets the provider answer. */
    private boolean handOverCallsWaitingForTheProvider(int count) throws InterruptedException {
        CountDownLatch underWay = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            calls.handOver(() -> {
                underWay.countDown();
                try {
                    answer.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return underWay.await(5, TimeUnit.SECONDS);
    }
}
