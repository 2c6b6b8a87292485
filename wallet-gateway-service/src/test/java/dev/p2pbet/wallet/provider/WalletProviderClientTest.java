package dev.p2pbet.wallet.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.p2pbet.wallet.WalletGatewayProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Protocol faults the simulator does not produce on demand, against a scripted local HTTP server. */
class WalletProviderClientTest {

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile long delayMillis;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private WalletProviderClient client(int minimumCallsBeforeTheBreakerJudges) {
        return client(minimumCallsBeforeTheBreakerJudges, Duration.ofSeconds(3));
    }

    private WalletProviderClient client(int minimumCallsBeforeTheBreakerJudges, Duration readTimeout) {
        WalletGatewayProperties.Provider provider = new WalletGatewayProperties.Provider(
                "http://localhost:" + server.getAddress().getPort(), "key", Duration.ofSeconds(1),
                readTimeout, 3, Duration.ofMillis(10), 50, 4, minimumCallsBeforeTheBreakerJudges,
                Duration.ofSeconds(30), 1);
        return new WalletProviderClient(new WalletGatewayProperties(provider, null, "", null, null, null), meters);
    }

    @Test
    void a_5xx_is_retried_up_to_the_attempt_limit_then_reported_as_unavailable() {
        status = 503;
        body = "{\"code\":\"service_unavailable\"}";

        assertThatThrownBy(() -> client(100).balance("alice")).isInstanceOf(ProviderUnavailableException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void a_response_slower_than_the_read_timeout_is_retried_then_reported_as_unavailable() {
        delayMillis = 600;

        assertThatThrownBy(() -> client(100, Duration.ofMillis(300)).balance("alice"))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void a_4xx_is_a_definite_answer_and_is_not_retried() {
        status = 409;
        body = "{\"code\":\"insufficient_funds\",\"detail\":\"Account alice cannot cover this transfer\"}";

        assertThatThrownBy(() -> client(100).submit("bet-1:escrow-creator", "alice", "ESCROW_VAULT", 500, "USD", "r"))
                .isInstanceOfSatisfying(ProviderRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("insufficient_funds");
                });
        assertThat(calls).hasValue(1);
    }

    @Test
    void the_circuit_opens_after_repeated_failures_and_then_fails_fast_without_calling() {
        status = 500;
        WalletProviderClient client = client(4);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.balance("alice")).isInstanceOf(ProviderUnavailableException.class);
        }
        int callsWhenOpen = calls.get();

        assertThatThrownBy(() -> client.balance("alice"))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("circuit breaker open");
        assertThat(calls.get()).isEqualTo(callsWhenOpen);
    }

    @Test
    void the_circuit_is_closed_until_repeated_failures_open_it() {
        status = 500;
        WalletProviderClient client = client(4);
        assertThat(client.circuitClosed()).isTrue();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.balance("alice")).isInstanceOf(ProviderUnavailableException.class);
        }

        assertThat(client.circuitClosed()).isFalse();
    }

    @Test
    void an_unknown_idempotency_key_is_an_empty_look_up_not_an_error() {
        status = 404;
        body = "{\"code\":\"transfer_not_found\"}";

        assertThat(client(100).transferByIdempotencyKey("bet-1:payout")).isEmpty();
    }

    @Test
    void provider_latency_is_recorded_per_attempt() {
        status = 503;

        assertThatThrownBy(() -> client(100).balance("alice")).isInstanceOf(ProviderUnavailableException.class);

        assertThat(meters.get("betting.provider.request.duration").tag("operation", "balance").tag("outcome", "server_error")
                .timer().count()).isEqualTo(3);
    }
}
