package dev.p2pbet.localstack.demo;

import dev.p2pbet.localstack.JsonHttp;
import dev.p2pbet.localstack.StackEndpoints;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The platform's APIs as the demo calls them: everything through the entry point, as a frontend and an operator
 * would, except the provider's sandbox (the wallet simulator stands for an outside company, not for our API).
 */
final class DemoApi {

    static final String ADMIN = "demo-ops";

    private final StackEndpoints stack;
    private final JsonHttp http = new JsonHttp();

    DemoApi(StackEndpoints stack) {
        this.stack = stack;
    }

    URI api(String pathAndQuery) {
        return URI.create(stack.apiUrl().toString().replaceAll("/+$", "") + pathAndQuery);
    }

    private URI simulator(String path) {
        return URI.create(stack.serviceUrl("wallet-simulator").toString().replaceAll("/+$", "") + path);
    }

    private Map<String, String> as(String user) {
        return Map.of("Authorization", "Bearer " + stack.mintToken(user));
    }

    private Map<String, String> asAdmin() {
        return Map.of("Authorization", "Bearer " + stack.mintToken(ADMIN, "admin"));
    }

    private Map<String, String> sandbox() {
        return Map.of("X-Sandbox-Key", stack.sandboxApiKey());
    }

    // ------------------------------------------------------------------------------- sign-up and wallets

    /** What Cognito's post-confirmation trigger sends for a confirmed sign-up. */
    void signUp(String user) {
        Map<String, Object> event = Map.of("version", "1", "triggerSource", "PostConfirmation_ConfirmSignUp",
                "userName", user, "request", Map.of("userAttributes", Map.of("sub", user)), "response", Map.of());
        http.post(api("/hooks/cognito/post-confirmation"), Map.of("X-Hook-Key", stack.cognitoHookKey()), event)
                .expect(200);
    }

    /** Opens the user's account at the provider and deposits into it (sandbox: what a bank transfer would do). */
    void openAndFundProviderAccount(String account, long amountMinor) {
        http.post(simulator("/sandbox/accounts"), sandbox(), Map.of("account_id", account)).expect(200, 201);
        http.post(simulator("/sandbox/accounts/" + account + "/deposits"), sandbox(), Map.of("amount_minor", amountMinor))
                .expect(200);
    }

    void linkWallet(String user, String address) {
        http.put(api("/api/wallets/me"), as(user), Map.of("address", address)).expect(200, 201);
    }

    /** The user's balance at the provider, read through the gateway. */
    long walletBalance(String user) {
        JsonNode wallet = http.get(api("/api/wallets/me"), as(user)).expect(200);
        if (wallet.path("balance").isMissingNode() || wallet.path("balance").isNull()) {
            throw new DemoFailure("The gateway has no balance for " + user + ": " + wallet.path("balanceError").asString());
        }
        return wallet.path("balance").path("amountMinor").asLong();
    }

    // ----------------------------------------------------------------------------------------------- games

    void scheduleGame(String gameId, Instant startsAt) {
        Map<String, Object> game = new LinkedHashMap<>();
        game.put("gameId", gameId);
        game.put("homeTeam", "Harbor Hawks");
        game.put("awayTeam", "Mesa Miners");
        game.put("startsAt", startsAt.toString());
        game.put("roster", List.of(
                player("hawks-7", "Ada Brook", "HOME"), player("hawks-11", "Cy Dune", "HOME"),
                player("hawks-23", "Eli Ford", "HOME"), player("miners-3", "Gus Hale", "AWAY"),
                player("miners-8", "Ivo Jansen", "AWAY"), player("miners-9", "Kai Lund", "AWAY")));
        http.post(api("/api/admin/games"), asAdmin(), game).expect(200, 201);
    }

    private static Map<String, String> player(String id, String name, String team) {
        return Map.of("playerId", id, "name", name, "team", team);
    }

    JsonNode simulate(String gameId, long seed) {
        return http.post(api("/api/admin/games/" + gameId + "/simulate?seed=" + seed), asAdmin(), null).expect(200);
    }

    void cancelGame(String gameId, String reason) {
        http.post(api("/api/admin/games/" + gameId + "/cancel"), asAdmin(), Map.of("reason", reason)).expect(200);
    }

    // ------------------------------------------------------------------------------------------------ bets

    /** Offers a bet; the answer of the API (202 with the bet, or a refusal with its reason). */
    JsonHttp.Response offer(String user, String idempotencyKey, Map<String, Object> body) {
        Map<String, String> headers = new LinkedHashMap<>(as(user));
        headers.put("Idempotency-Key", idempotencyKey);
        return http.post(api("/api/bets"), headers, body);
    }

    JsonNode accept(String user, String betId) {
        return http.post(api("/api/bets/" + betId + "/accept"), as(user), null).expect(202);
    }

    JsonNode bet(String user, String betId) {
        return http.get(api("/api/bets/" + betId), as(user)).expect(200);
    }

    // ------------------------------------------------------------------------------------ settlement, stats

    List<JsonNode> audits() {
        JsonNode audits = http.get(api("/api/admin/audits?limit=100"), asAdmin()).expect(200);
        return audits.valueStream().toList();
    }

    JsonNode settlement(String gameId) {
        return http.get(api("/api/admin/games/" + gameId + "/settlement"), asAdmin()).expect(200);
    }

    JsonNode userStats(String viewer, String user) {
        return http.get(api("/api/stats/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8)), as(viewer)).expect(200);
    }

    JsonNode leaderboard(String viewer) {
        return http.get(api("/api/stats/leaderboard?by=profit&period=all&page=0&size=100"), as(viewer)).expect(200);
    }

    /** Opens the caller's live event stream (lobby and own bets) through the entry point. */
    EventStream stream(String user) {
        return EventStream.open(api("/api/bets/stream"), "Bearer " + stack.mintToken(user));
    }
}
