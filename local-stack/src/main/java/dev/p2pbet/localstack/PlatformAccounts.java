package dev.p2pbet.localstack;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The provider's accounts as the wallet simulator's sandbox API shows them: every balance, and the sum over all
 * accounts, which only deposits change (gas ends on {@code NETWORK_FEES}, itself an account).
 */
public final class PlatformAccounts {

    /** The accounts the simulator opens for the platform at start (DESIGN.md section 3). */
    public static final List<String> PLATFORM = List.of("ESCROW_VAULT", "PLATFORM_OPS", "PLATFORM_REVENUE");
    public static final String NETWORK_FEES = "NETWORK_FEES";

    private final URI simulator;
    private final String sandboxKey;
    private final JsonHttp http = new JsonHttp();

    private PlatformAccounts(URI simulator, String sandboxKey) {
        this.simulator = simulator;
        this.sandboxKey = sandboxKey;
    }

    public static PlatformAccounts of(StackEndpoints stack) {
        return new PlatformAccounts(stack.serviceUrl("wallet-simulator"), stack.sandboxApiKey());
    }

    /** One reading of every account: id -> balance in minor units. */
    public record Snapshot(Map<String, Long> balances) {

        public long balance(String account) {
            Long balance = balances.get(account);
            if (balance == null) {
                throw new IllegalStateException("The simulator has no account " + account);
            }
            return balance;
        }

        /** The sum over all accounts. */
        public long total() {
            return balances.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Snapshot read() {
        JsonNode body = http.get(simulator.resolve("/sandbox/balances"), Map.of("X-Sandbox-Key", sandboxKey)).expect(200);
        Map<String, Long> balances = new TreeMap<>();
        for (JsonNode account : body.path("accounts")) {
            balances.put(account.path("account_id").asString(), account.path("balance_minor").asLong());
        }
        return new Snapshot(balances);
    }

    /** The platform's accounts, which the simulator opens at start; fails when one is missing. */
    public Snapshot requireOpened() {
        Snapshot snapshot = read();
        List<String> missing = PLATFORM.stream().filter(id -> !snapshot.balances().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The wallet simulator has not opened " + missing + " (it has "
                    + snapshot.balances().keySet() + ")");
        }
        return snapshot;
    }
}
