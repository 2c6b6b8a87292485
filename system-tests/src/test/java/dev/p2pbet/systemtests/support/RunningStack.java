package dev.p2pbet.systemtests.support;

import dev.p2pbet.plumbing.security.DevTokens;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A platform someone already runs with {@code ./platform run} from {@code projectRoot}: the local stack's
 * fixed ports, its secrets read from {@code .local-stack/}. Its processes belong to whoever started it, so
 * the tests that kill or restart services do not run against it.
 */
final class RunningStack implements SystemUnderTest {

    private static final Map<String, Integer> PORTS = Map.of(
            BET_SERVICE, 8081, WALLET_GATEWAY, 8082, SETTLEMENT, 8083, STATS, 8084, WALLET_SIMULATOR, 8085);
    /** Without the single entry point each frontend API is asked at its service. */
    private static final List<Map.Entry<String, String>> API_OWNERS = List.of(
            Map.entry("/api/bets", BET_SERVICE), Map.entry("/api/users", BET_SERVICE),
            Map.entry("/api/wallets", WALLET_GATEWAY), Map.entry("/hooks/cognito", WALLET_GATEWAY),
            Map.entry("/api/games", STATS), Map.entry("/api/stats", STATS),
            Map.entry("/api/admin/audits", SETTLEMENT), Map.entry("/api/admin/games", STATS));

    private final Path projectRoot;
    private final Path stateDir;
    private final String signingSecret;
    private final String sandboxKey;
    private final String cognitoHookKey;

    RunningStack(Path projectRoot) {
        this.projectRoot = projectRoot;
        this.stateDir = projectRoot.resolve(".local-stack");
        this.signingSecret = secret("dev-signing-secret");
        this.sandboxKey = secret("sandbox-key");
        this.cognitoHookKey = secret("cognito-hook-key");
    }

    private String secret(String name) {
        try {
            return Files.readString(stateDir.resolve(name)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("No " + name + " in " + stateDir + ": is ./platform run up there?", e);
        }
    }

    @Override
    public URI api(String pathPrefix) {
        if (pathPrefix.startsWith("/api/admin/games/") && pathPrefix.endsWith("/settlement")) {
            return serviceUrl(SETTLEMENT);
        }
        String owner = API_OWNERS.stream().filter(e -> pathPrefix.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service serves " + pathPrefix));
        return serviceUrl(owner);
    }

    @Override
    public URI serviceUrl(String module) {
        Integer port = PORTS.get(module);
        if (port == null) {
            throw new IllegalArgumentException("not a module of the platform: " + module);
        }
        return URI.create("http://localhost:" + port);
    }

    @Override
    public String kafkaBootstrapServers() {
        return "localhost:19092";
    }

    @Override
    public String registryApiUrl() {
        return "http://localhost:18081/apis/registry/v2";
    }

    @Override
    public String registryCcompatUrl() {
        return "http://localhost:18081/apis/ccompat/v7";
    }

    @Override
    public String sandboxKey() {
        return sandboxKey;
    }

    @Override
    public String cognitoHookKey() {
        return cognitoHookKey;
    }

    @Override
    public String mintToken(String userId, String... groups) {
        return DevTokens.mint(userId, signingSecret, DevTokens.DEFAULT_ISSUER, Duration.ofHours(2), List.of(groups));
    }

    @Override
    public boolean controlsProcesses() {
        return false;
    }

    @Override
    public SpringBootProcess process(String module) {
        throw new UnsupportedOperationException("the running stack in " + projectRoot
                + " is not the tests' to control");
    }

    @Override
    public Path logFile(String module) {
        return stateDir.resolve("logs").resolve(module + ".log");
    }

    @Override
    public String describe() {
        return "the running stack of " + projectRoot + " (logs in " + stateDir.resolve("logs") + ")";
    }
}
