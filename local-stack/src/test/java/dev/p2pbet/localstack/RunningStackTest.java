package dev.p2pbet.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningStackTest {

    @TempDir
    Path state;

    @Test
    void finds_the_running_stack_through_the_files_it_keeps() throws IOException {
        Files.writeString(state.resolve("endpoints.properties"), """
                api=http\\://localhost\\:8080
                service.bet-service=http\\://localhost\\:8081
                kafka=localhost\\:19092
                """);
        Files.writeString(state.resolve("dev-signing-secret"), "a-signing-secret-of-at-least-thirty-two-bytes\n");
        Files.writeString(state.resolve("sandbox-key"), "sandbox\n");
        Files.writeString(state.resolve("cognito-hook-key"), "hook\n");

        RunningStack stack = RunningStack.in(state);

        assertThat(stack.apiUrl()).hasToString("http://localhost:8080");
        assertThat(stack.serviceUrl("bet-service")).hasToString("http://localhost:8081");
        assertThat(stack.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(stack.sandboxApiKey()).isEqualTo("sandbox");
        assertThat(stack.cognitoHookKey()).isEqualTo("hook");
        assertThat(stack.mintToken("alice", "admin")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void says_how_to_start_a_stack_when_none_runs() {
        assertThatThrownBy(() -> RunningStack.in(state)).hasMessageContaining("./platform run");
    }

    @Test
    void knows_no_module_by_another_name() {
        assertThatThrownBy(() -> PlatformModule.named("bets")).hasMessageContaining("bet-service");
    }

    @Test
    void shows_minor_units_as_people_read_them() {
        assertThat(Money.format(100_000_000)).isEqualTo("1,000,000.00");
        assertThat(Money.format(-134)).isEqualTo("-1.34");
        assertThat(Money.format(5)).isEqualTo("0.05");
    }
}
