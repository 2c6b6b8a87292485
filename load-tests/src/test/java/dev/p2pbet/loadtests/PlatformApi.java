package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.JsonHttp;
import dev.p2pbet.localstack.StackEndpoints;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * What a run sets up through the platform's APIs, untimed: users signed up, funded and linked, games scheduled and
 * finished, offers made before a scenario starts. Timed traffic goes through Gatling only.
 */
final class PlatformApi {

    static final String ADMIN = "lt-ops";

    private final StackEndpoints stack;
    private final JsonHttp http = new JsonHttp();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    PlatformApi(StackEndpoints stack) {
        this.stack = stack;
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, stack::mintToken);
    }

    URI api(String path) {
        return URI.create(stack.apiUrl().toString().replaceAll("/+$", "") + path);
    }

    private URI simulator(String path) {
        return URI.create(stack.serviceUrl("wallet-simulator").toString().replaceAll("/+$", "") + path);
    }

    private Map<String, String> as(String user) {
        return Map.of("Authorization", "Bearer " + token(user));
    }

    private Map<String, String> asAdmin() {
        return Map.of("Authorization", "Bearer " + stack.mintToken(ADMIN, "admin"));
    }

    private Map<String, String> sandbox() {
        return Map.of("X-Sandbox-Key", stack.sandboxApiKey());
    }

    /** The provider network tuned for load: confirmation without delay, the smallest fixed gas. */
    String tuneProviderNetwork() {
        http.put(simulator("/sandbox/network"), sandbox(), Map.of("confirmation_delay_ms", 0, "gas_base_minor", 1,
                "gas_proportional_bps", 0, "gas_jitter_percent", 0)).expect(200);
        return http.get(simulator("/sandbox/network"), sandbox()).expect(200).toString();
    }

    /**
     * The provider refuses every transfer submission with a 503 before storing it, as during an outage; its other
     * calls (look-ups, balances) still answer.
     */
    void refuseProviderTransfers() {
        http.put(simulator("/sandbox/faults"), sandbox(), Map.of("post_transfer_error_rate", 1.0,
                "error_after_commit_share", 0.0)).expect(200);
    }

    void providerWithoutFaults() {
        http.send("DELETE", simulator("/sandbox/faults"), sandbox(), null).expect(200);
    }

    /** Sign-up (Cognito hook), a provider account with {@code depositMinor}, the wallet linked at the gateway. */
    void fundUser(String user, long depositMinor) {
        Map<String, Object> event = Map.of("version", "1", "triggerSource", "PostConfirmation_ConfirmSignUp",
                "userName", user, "request", Map.of("userAttributes", Map.of("sub", user)), "response", Map.of());
        http.post(api("/hooks/cognito/post-confirmation"), Map.of("X-Hook-Key", stack.cognitoHookKey()), event)
                .expect(200);
        String account = user + "-wallet";
        http.post(simulator("/sandbox/accounts"), sandbox(), Map.of("account_id", account)).expect(200, 201);
        http.post(simulator("/sandbox/accounts/" + account + "/deposits"), sandbox(),
                Map.of("amount_minor", depositMinor)).expect(200);
        http.put(api("/api/wallets/me"), as(user), Map.of("address", account)).expect(200, 201);
    }

    void scheduleGame(String gameId) {
        Map<String, Object> game = new LinkedHashMap<>();
        game.put("gameId", gameId);
        game.put("homeTeam", "Load Lions");
        game.put("awayTeam", "Test Tigers");
        game.put("startsAt", Instant.now().plus(Duration.ofDays(1)).toString());
        game.put("roster", List.of(Map.of("playerId", "lions-1", "name", "Lee Load", "team", "HOME"),
                Map.of("playerId", "tigers-1", "name", "Tia Test", "team", "AWAY")));
        http.post(api("/api/admin/games"), asAdmin(), game).expect(200, 201);
    }

    /** Waits until the bet service knows the game (it learns it from game.events): an offer stops being UNKNOWN_GAME. */
    void awaitGameOpenForBets(String gameId, String user) {
        Waits.until("bet-service to know game " + gameId, Duration.ofSeconds(120), () -> {
            JsonHttp.Response answer = offer(user, gameId, "probe-" + gameId);
            return answer.status() == 202;
        });
    }

    JsonHttp.Response offer(String user, String gameId, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>(as(user));
        headers.put("Idempotency-Key", idempotencyKey);
        return http.post(api("/api/bets"), headers, offerBody(gameId));
    }

    static Map<String, Object> offerBody(String gameId) {
        return Map.of("gameId", gameId, "selection", Map.of("type", "GAME_WINNER", "side", "HOME"),
                "stakeMinor", Stakes.STAKE_MINOR);
    }

    static String offerJson(String gameId) {
        return "{\"gameId\":\"" + gameId + "\",\"selection\":{\"type\":\"GAME_WINNER\",\"side\":\"HOME\"},"
                + "\"stakeMinor\":" + Stakes.STAKE_MINOR + "}";
    }

    JsonNode simulate(String gameId, long seed) {
        return http.post(api("/api/admin/games/" + gameId + "/simulate?seed=" + seed), asAdmin(), null).expect(200);
    }

    JsonNode settlement(String gameId) {
        return http.get(api("/api/admin/games/" + gameId + "/settlement"), asAdmin()).expect(200);
    }

    /** Runs {@code count} calls on virtual threads, at most {@code parallel} at once; fails on the first failure. */
    static <T> List<T> inParallel(int count, int parallel, IntFunction<T> call) {
        var permits = new java.util.concurrent.Semaphore(parallel);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return call.apply(n);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("setup failed: " + e.getMessage(), e);
        }
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
