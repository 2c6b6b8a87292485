package dev.p2pbet.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.localstack.PlatformStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on a whole platform started on free ports (about two minutes on a 2-core machine, so not part of every
 * build: {@code ./mvnw -pl local-stack verify -Dp2pbet.full-stack=true -Dit.test=DemoIT}; system-tests runs the
 * platform in CI). Needs the service jars: {@code ./mvnw -DskipTests install} first.
 */
@EnabledIfSystemProperty(named = "p2pbet.full-stack", matches = "true")
class DemoIT {

    @TempDir
    static Path state;
    private static PlatformStack stack;

    @BeforeAll
    static void start() {
        stack = PlatformStack.start(PlatformStack.Options.forTests(Path.of("..").toAbsolutePath().normalize(), state));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void plays_the_seed_story_to_the_end_without_creating_or_losing_money_and_again_on_the_same_stack() {
        ByteArrayOutputStream narration = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(narration, true, StandardCharsets.UTF_8);

        DemoResult first = Demo.run(stack, out);
        DemoResult second = Demo.run(stack, out);

        assertThat(first.moneyConserved()).isTrue();
        assertThat(second.moneyConserved()).isTrue();
        assertThat(second.creator()).isNotEqualTo(first.creator());
        assertThat(first.payoutMinor() + first.feeMinor()).isEqualTo(2 * 10_00);
        assertThat(first.creatorRefundMinor()).isBetween(1L, 5_00L - 1);
        assertThat(narration.toString(StandardCharsets.UTF_8)).contains("Demo passed", "BALANCED", "event \"lobby\"");
    }
}
