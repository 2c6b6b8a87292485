package dev.p2pbet.systemtests.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p2pbet.localstack.StackEndpoints;
import dev.p2pbet.localstack.demo.Demo;
import dev.p2pbet.localstack.demo.DemoResult;
import dev.p2pbet.systemtests.support.Locks;
import dev.p2pbet.systemtests.support.Platform;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * `./platform demo` is what a newcomer runs first: it plays here on every build, so the story the README shows
 * never rots. It checks the sum over all the provider's accounts, so it needs the platform to itself.
 */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ_WRITE)
class DemoIT {

    @Test
    void the_demo_plays_the_seed_story_to_the_end_with_no_money_created_or_lost() {
        SystemUnderTest sut = Platform.shared().sut();
        assumeTrue(sut.controlsProcesses(), "the demo runs against a running stack with `./platform demo`");
        ByteArrayOutputStream narration = new ByteArrayOutputStream();

        DemoResult result = Demo.run(endpointsOf(sut), new PrintStream(narration, true, StandardCharsets.UTF_8));

        System.out.println(narration.toString(StandardCharsets.UTF_8));
        assertThat(result.creatorRefundMinor()).isPositive();
        assertThat(result.acceptorRefundMinor()).isPositive();
        assertThat(result.moneyConserved()).as("sum over all accounts").isTrue();
    }

    /** The platform the tests started, seen as the demo sees a stack: the entry point and the tester's keys. */
    private static StackEndpoints endpointsOf(SystemUnderTest sut) {
        return new StackEndpoints() {
            @Override
            public URI apiUrl() {
                return sut.api("/api/bets");
            }

            @Override
            public URI serviceUrl(String module) {
                return sut.serviceUrl(module);
            }

            @Override
            public String sandboxApiKey() {
                return sut.sandboxKey();
            }

            @Override
            public String cognitoHookKey() {
                return sut.cognitoHookKey();
            }

            @Override
            public String mintToken(String userId, String... groups) {
                return sut.mintToken(userId, groups);
            }
        };
    }
}
