package dev.p2pbet.systemtests.clients;

import dev.p2pbet.systemtests.support.HttpJson;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The wallet provider's sandbox, as its test dashboard offers it: accounts, deposits, balances, faults, network. */
public final class Sandbox {

    public static final String ESCROW_VAULT = "ESCROW_VAULT";
    public static final String PLATFORM_OPS = "PLATFORM_OPS";
    public static final String PLATFORM_REVENUE = "PLATFORM_REVENUE";
    public static final String NETWORK_FEES = "NETWORK_FEES";

    private final URI simulator;
    private final HttpJson http;

    public Sandbox(SystemUnderTest sut) {
        this.simulator = sut.serviceUrl(SystemUnderTest.WALLET_SIMULATOR);
        this.http = HttpJson.anonymous().withHeader("X-Sandbox-Key", sut.sandboxKey());
    }

    /** Every account's settled balance and their sum, read in one transaction. */
    public record Balances(Map<String, Long> byAccount, long total) {

        public long of(String account) {
            return byAccount.getOrDefault(account, 0L);
        }
    }

    public void openAccount(String accountId) {
        http.post(uri("/sandbox/accounts"), Map.of("account_id", accountId))
                .expect2xx("open sandbox account " + accountId);
    }

    public void deposit(String accountId, long amountMinor) {
        http.post(uri("/sandbox/accounts/" + accountId + "/deposits"), Map.of("amount_minor", amountMinor))
                .expect(200, "deposit on " + accountId);
    }

    public Balances balances() {
        JsonNode body = http.get(uri("/sandbox/balances")).expect(200, "sandbox balances").body();
        Map<String, Long> byAccount = new LinkedHashMap<>();
        body.get("accounts").forEach(account -> byAccount.put(account.get("account_id").asString(),
                account.get("balance_minor").asLong()));
        long total = 0;
        for (JsonNode t : body.get("totals")) {
            total += t.get("total_minor").asLong();
        }
        return new Balances(byAccount, total);
    }

    public long balanceOf(String accountId) {
        return balances().of(accountId);
    }

    /** The provider's misbehaviour for a run; every draw comes from {@code seed}. */
    public record Faults(long seed, double postTransferErrorRate, double errorAfterCommitShare, double slowResponseRate,
                         long slowResponseDelayMs, double webhookDropRate, double webhookDuplicateRate,
                         long webhookMaxExtraDelayMs) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("seed", seed);
            json.put("post_transfer_error_rate", postTransferErrorRate);
            json.put("error_after_commit_share", errorAfterCommitShare);
            json.put("slow_response_rate", slowResponseRate);
            json.put("slow_response_delay_ms", slowResponseDelayMs);
            json.put("webhook_drop_rate", webhookDropRate);
            json.put("webhook_duplicate_rate", webhookDuplicateRate);
            json.put("webhook_max_extra_delay_ms", webhookMaxExtraDelayMs);
            return json;
        }
    }

    public JsonNode injectFaults(Faults faults) {
        return http.put(uri("/sandbox/faults"), faults.json()).expect(200, "set sandbox faults").body();
    }

    /** Every fault off (absent fields are off), whatever the simulator was configured with. */
    public void clearFaults() {
        http.put(uri("/sandbox/faults"), Map.of()).expect(200, "clear sandbox faults");
    }

    public record Network(long confirmationDelayMs, long gasBaseMinor, int gasProportionalBps, int gasJitterPercent) {

        Map<String, Object> json() {
            return Map.of("confirmation_delay_ms", confirmationDelayMs, "gas_base_minor", gasBaseMinor,
                    "gas_proportional_bps", gasProportionalBps, "gas_jitter_percent", gasJitterPercent);
        }

        public Network withConfirmationDelayMs(long delay) {
            return new Network(delay, gasBaseMinor, gasProportionalBps, gasJitterPercent);
        }
    }

    public Network network() {
        JsonNode body = http.get(uri("/sandbox/network")).expect(200, "sandbox network").body();
        return new Network(body.get("confirmation_delay_ms").asLong(), body.get("gas_base_minor").asLong(),
                body.get("gas_proportional_bps").asInt(), body.get("gas_jitter_percent").asInt());
    }

    public void network(Network network) {
        http.put(uri("/sandbox/network"), network.json()).expect(200, "set sandbox network");
    }

    public void resetNetwork() {
        http.delete(uri("/sandbox/network")).expect(200, "reset sandbox network");
    }

    private URI uri(String path) {
        return simulator.resolve(path);
    }
}
