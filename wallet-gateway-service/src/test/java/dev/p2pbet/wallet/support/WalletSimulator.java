package dev.p2pbet.wallet.support;

import dev.p2pbet.testinfra.RealInfrastructure;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import dev.p2pbet.testinfra.support.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallet-simulator jar as a child JVM, started once per test JVM on the shared PostgreSQL, and its sandbox API.
 * It also reserves the port of the gateway under test, because the simulator must know where to send webhooks
 * before the gateway starts. Every deposit goes through {@link #deposit}, which keeps {@link #expectedTotal()}:
 * the sum of all accounts may change only by them.
 */
public final class WalletSimulator {

    public static final String API_KEY = "it-provider-key-" + UUID.randomUUID();
    public static final String SANDBOX_KEY = "it-sandbox-key-" + UUID.randomUUID();
    public static final String WEBHOOK_SECRET = "it-webhook-secret-" + UUID.randomUUID();
    public static final String WEBHOOK_PATH = "/webhooks/wallet-provider";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static WalletSimulator shared;

    private final SpringBootProcess process;
    private final int gatewayPort;
    private final AtomicLong expectedTotal = new AtomicLong();

    private WalletSimulator(SpringBootProcess process, int gatewayPort) {
        this.process = process;
        this.gatewayPort = gatewayPort;
    }

    public static synchronized WalletSimulator shared() {
        if (shared == null) {
            RealInfrastructure infra = RealInfrastructure.shared();
            int gatewayPort = Ports.freePort();
            SpringBootProcess process = SpringBootProcess.start("wallet-simulator",
                    SpringBootProcess.bootJar(Path.of("../wallet-simulator")), Ports.freePort(),
                    Path.of("target/wallet-simulator-it.log"), Map.ofEntries(
                            Map.entry("SPRING_DATASOURCE_URL", infra.jdbcUrl("wallet_simulator")),
                            Map.entry("SPRING_DATASOURCE_USERNAME", infra.dbUsername()),
                            Map.entry("SPRING_DATASOURCE_PASSWORD", infra.dbPassword() == null ? "" : infra.dbPassword()),
                            Map.entry("WALLET_SIMULATOR_API_CLIENTS_GATEWAY", API_KEY),
                            Map.entry("WALLET_SIMULATOR_SANDBOX_API_KEY", SANDBOX_KEY),
                            Map.entry("WALLET_SIMULATOR_WEBHOOK_URL", "http://localhost:" + gatewayPort + WEBHOOK_PATH),
                            Map.entry("WALLET_SIMULATOR_WEBHOOK_SECRET", WEBHOOK_SECRET),
                            Map.entry("WALLET_SIMULATOR_WEBHOOK_INITIAL_BACKOFF", "200ms"),
                            Map.entry("WALLET_SIMULATOR_WEBHOOK_MAX_BACKOFF", "2s"),
                            Map.entry("WALLET_SIMULATOR_TRANSFERS_CONFIRMATION_DELAY", "300ms")));
            Runtime.getRuntime().addShutdownHook(new Thread(process::close, "wallet-simulator-stopper"));
            process.awaitReady(Duration.ofSeconds(90));
            WalletSimulator simulator = new WalletSimulator(process, gatewayPort);
            simulator.expectedTotal.set(simulator.total());
            shared = simulator;
        }
        return shared;
    }

    /** Where the provider API answers. */
    public String url() {
        return process.baseUrl();
    }

    /** The port reserved for the gateway the webhooks go to. */
    public int gatewayPort() {
        return gatewayPort;
    }

    /** Opens a sandbox account (idempotent) and deposits {@code amountMinor} on it when positive. */
    public String fundedAccount(String accountId, long amountMinor) {
        sandbox("POST", "/sandbox/accounts", "{\"account_id\":\"" + accountId + "\"}");
        if (amountMinor > 0) {
            deposit(accountId, amountMinor);
        }
        return accountId;
    }

    public void deposit(String accountId, long amountMinor) {
        sandbox("POST", "/sandbox/accounts/" + accountId + "/deposits", "{\"amount_minor\":" + amountMinor + "}");
        expectedTotal.addAndGet(amountMinor);
    }

    /** The settled balance of an account. */
    public long balance(String accountId) {
        return api("GET", "/accounts/" + accountId + "/balance").path("balance_minor").asLong();
    }

    public long available(String accountId) {
        return api("GET", "/accounts/" + accountId + "/balance").path("available_minor").asLong();
    }

    /** The sum over every account at the provider (one currency). */
    public long total() {
        JsonNode totals = sandbox("GET", "/sandbox/balances", null).path("totals");
        long sum = 0;
        for (JsonNode total : totals) {
            sum += total.path("total_minor").asLong();
        }
        return sum;
    }

    public long expectedTotal() {
        return expectedTotal.get();
    }

    /** The transfer the provider holds under our idempotency key (the gateway's transfer_id). */
    public Optional<JsonNode> transferByKey(String idempotencyKey) {
        HttpResponse<String> response = send("GET", "/transfers?idempotencyKey=" + idempotencyKey, null,
                Map.of("Authorization", "Bearer " + API_KEY));
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(JSON.readTree(response.body()));
    }

    /** Switches faults on for the run (snake_case fields of PUT /sandbox/faults). */
    public void faults(String json) {
        sandbox("PUT", "/sandbox/faults", json);
    }

    public void noFaults() {
        sandbox("DELETE", "/sandbox/faults", null);
    }

    public void confirmationDelay(Duration delay) {
        sandbox("PUT", "/sandbox/network", "{\"confirmation_delay_ms\":" + delay.toMillis()
                + ",\"gas_base_minor\":25,\"gas_proportional_bps\":10,\"gas_jitter_percent\":10}");
    }

    /** Gas of every transfer: {@code baseMinor + floor(amount * proportionalBps / 10000)}, no jitter. */
    public void gas(long baseMinor, int proportionalBps) {
        sandbox("PUT", "/sandbox/network", "{\"confirmation_delay_ms\":0,\"gas_base_minor\":" + baseMinor
                + ",\"gas_proportional_bps\":" + proportionalBps + ",\"gas_jitter_percent\":0}");
    }

    public void normalNetwork() {
        sandbox("DELETE", "/sandbox/network", null);
    }

    private JsonNode api(String method, String path) {
        HttpResponse<String> response = send(method, path, null, Map.of("Authorization", "Bearer " + API_KEY));
        requireOk(method, path, response);
        return JSON.readTree(response.body());
    }

    private JsonNode sandbox(String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body, Map.of("X-Sandbox-Key", SANDBOX_KEY));
        requireOk(method, path, response);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static void requireOk(String method, String path, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
