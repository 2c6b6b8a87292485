package dev.p2pbet.systemtests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.systemtests.support.SystemUnderTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FuzzRunnerTest {

    private static final String TEN_KIB_TOKEN = "Bearer " + "a".repeat(10 * 1024);

    @Test
    void a_head_over_tomcats_limit_sent_to_a_service_port_may_go_unanswered() {
        assertThat(FuzzRunner.isKnownServiceHeaderDeviation(hook(SystemUnderTest.WALLET_GATEWAY, TEN_KIB_TOKEN)))
                .isTrue();
    }

    @Test
    void the_entry_point_must_answer_whatever_the_head() {
        assertThat(FuzzRunner.isKnownServiceHeaderDeviation(hook(FuzzRequest.ENTRY_POINT, TEN_KIB_TOKEN))).isFalse();
    }

    @Test
    void a_service_port_must_answer_a_head_within_tomcats_limit() {
        assertThat(FuzzRunner.isKnownServiceHeaderDeviation(hook(SystemUnderTest.WALLET_GATEWAY, "Bearer abc")))
                .isFalse();
    }

    private static FuzzRequest hook(String target, String authorization) {
        return new FuzzRequest(1, Endpoint.COGNITO_HOOK, target, "POST", "/hooks/cognito/post-confirmation",
                List.of(Map.entry("Authorization", authorization)), new byte[0]);
    }
}
