package dev.p2pbet.walletsim.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator over real HTTP, as the gateway and the tests see it: provider API and sandbox API. */
public final class SimulatorClient {

    public static final String GATEWAY_KEY = "test-gateway-key";
    public static final String OTHER_CLIENT_KEY = "test-other-client-key";
    public static final String SANDBOX_KEY = "test-sandbox-key";
    public static final long CONFIRMATION_DELAY_MS = 300;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private SimulatorClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public static SimulatorClient on(int port) {
        return new SimulatorClient(port);
    }

    /** A response: status, headers and the JSON body (missing node when empty). */
    public record Response(int status, HttpHeaders headers, JsonNode body) {

        public String code() {
            return body.path("code").asString();
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    // --- sandbox -------------------------------------------------------------------------------------------------

    /** A new account holding {@code amountMinor} (a sandbox deposit, counted by the money-conservation check). */
    public String anAccountWith(long amountMinor) {
        String id = "user-" + UUID.randomUUID().toString().substring(0, 12);
        openAccount(id);
        if (amountMinor > 0) {
            deposit(id, amountMinor);
        }
        return id;
    }

    public Response openAccount(String id) {
        return expect(sandbox("POST", "/sandbox/accounts", Map.of("account_id", id)), 200, 201);
    }

    public Response deposit(String id, long amountMinor) {
        Response response = expect(sandbox("POST", "/sandbox/accounts/" + id + "/deposits", Map.of("amount_minor", amountMinor)), 200);
        MoneyIsConserved.deposited(amountMinor);
        return response;
    }

    public long totalMinor() {
        long total = 0;
        for (JsonNode currency : expect(sandbox("GET", "/sandbox/balances", null), 200).body().path("totals")) {
            total += currency.path("total_minor").asLong();
        }
        return total;
    }

    public JsonNode balanceOf(String accountId) {
        for (JsonNode account : expect(sandbox("GET", "/sandbox/balances", null), 200).body().path("accounts")) {
            if (account.path("account_id").asString().equals(accountId)) {
                return account;
            }
        }
        throw new AssertionError("No account " + accountId);
    }

    public long balanceMinor(String accountId) {
        return balanceOf(accountId).path("balance_minor").asLong();
    }

    public void setFaults(Map<String, Object> faults) {
        expect(sandbox("PUT", "/sandbox/faults", faults), 200);
    }

    public void resetFaults() {
        expect(sandbox("DELETE", "/sandbox/faults", null), 200);
    }

    public JsonNode webhookDeliveries(String transferId) {
        return expect(sandbox("GET", "/sandbox/webhooks?transferId=" + transferId, null), 200).body();
    }

    public Response sandbox(String method, String path, Object body) {
        return send(method, path, body, Map.of("X-Sandbox-Key", SANDBOX_KEY));
    }

    // --- provider API --------------------------------------------------------------------------------------------

    public Response transfer(String idempotencyKey, String from, String to, long amountMinor) {
        return transfer(GATEWAY_KEY, idempotencyKey, transferBody(from, to, amountMinor));
    }

    public Response transfer(String apiKey, String idempotencyKey, Map<String, Object> body) {
        return send("POST", "/transfers", body, Map.of("Authorization", "Bearer " + apiKey, "Idempotency-Key", idempotencyKey));
    }

    public static Map<String, Object> transferBody(String from, String to, long amountMinor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("amount_minor", amountMinor);
        body.put("currency", "USD");
        return body;
    }

    public Response get(String path) {
        return get(GATEWAY_KEY, path);
    }

    public Response get(String apiKey, String path) {
        return send("GET", path, null, Map.of("Authorization", "Bearer " + apiKey));
    }

    public JsonNode awaitSettled(String transferId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !get("/transfers/" + transferId).body().path("status").asString().equals("pending"));
        return get("/transfers/" + transferId).body();
    }

    public Response send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response expect(Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new AssertionError("Unexpected HTTP " + response.status() + ": " + response.body());
    }
}
