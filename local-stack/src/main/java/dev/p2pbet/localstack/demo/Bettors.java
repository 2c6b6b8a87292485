package dev.p2pbet.localstack.demo;

import static dev.p2pbet.localstack.Money.format;
import static dev.p2pbet.localstack.demo.Narrator.expect;

import dev.p2pbet.localstack.JsonHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The demo's two users, A (creates offers) and B (accepts them), and what they do through the API: fund and link a
 * wallet, offer, accept, watch a bet until it reaches a status.
 */
final class Bettors {

    /** A stake transfer is confirmed after the simulator's delay (2 s by default); generous for a busy 2-core machine. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    final String runId;
    final String creator;
    final String acceptor;
    private final DemoApi api;
    private final Narrator narrator;

    Bettors(String runId, DemoApi api, Narrator narrator) {
        this.runId = runId;
        this.creator = "ann-" + runId;
        this.acceptor = "ben-" + runId;
        this.api = api;
        this.narrator = narrator;
    }

    static String walletOf(String user) {
        return user + "-wallet";
    }

    /** Opens and funds the user's provider account, links it at the gateway, and checks the balance shows there. */
    void fund(String user, long amountMinor) {
        api.openAndFundProviderAccount(walletOf(user), amountMinor);
        api.linkWallet(user, walletOf(user));
        long balance = api.walletBalance(user);
        narrator.detail("%s: provider account %s, deposit %s, linked; balance through the gateway %s", user,
                walletOf(user), format(amountMinor), format(balance));
        expect(balance == amountMinor, user + "'s balance to be the deposit " + format(amountMinor) + ", it is "
                + format(balance));
    }

    long balance(String user) {
        return api.walletBalance(user);
    }

    /** A offers a bet, retrying while the bet service has not yet seen the game (it learns it from game.events). */
    String offer(String gameId, Map<String, Object> selection, long stake) {
        Map<String, Object> body = Map.of("gameId", gameId, "selection", selection, "stakeMinor", stake);
        String key = "demo-" + runId + "-" + gameId + "-" + selection.get("type");
        JsonNode bet = Poll.until("the bet service to take the offer on " + gameId, STEP_TIMEOUT, () -> {
            JsonHttp.Response response = api.offer(creator, key, body);
            if (response.status() == 422 && "UNKNOWN_GAME".equals(response.json().path("reason").asString())) {
                return Optional.empty();
            }
            return Optional.of(response.expect(202));
        }, () -> "UNKNOWN_GAME (game.events not projected yet)");
        return bet.path("betId").asString();
    }

    void accept(String betId) {
        api.accept(acceptor, betId);
    }

    /** Waits for the bet to reach one of {@code statuses} ("a|b"); a rejection ends the demo with its reason. */
    JsonNode awaitStatus(String betId, String statuses) {
        List<String> wanted = List.of(statuses.split("\\|"));
        return Poll.until("bet " + betId + " to be " + statuses.replace("|", " or "), STEP_TIMEOUT, () -> {
            JsonNode bet = api.bet(creator, betId);
            String status = bet.path("status").asString();
            if (status.equals("rejected")) {
                throw new DemoFailure("bet " + betId + " was rejected: " + bet.path("statusReason").asString() + " "
                        + bet.path("statusDetail").asString());
            }
            return wanted.contains(status) ? Optional.of(bet) : Optional.empty();
        }, () -> "status " + api.bet(creator, betId).path("status").asString());
    }
}
