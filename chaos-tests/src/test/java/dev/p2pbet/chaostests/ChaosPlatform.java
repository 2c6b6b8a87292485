package dev.p2pbet.chaostests;

import dev.p2pbet.localstack.PlatformStack;
import dev.p2pbet.systemtests.clients.Bets;
import dev.p2pbet.systemtests.clients.Games;
import dev.p2pbet.systemtests.clients.Sandbox;
import dev.p2pbet.systemtests.clients.TopicRecords;
import dev.p2pbet.systemtests.clients.Users;
import dev.p2pbet.systemtests.support.Platform;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The platform the chaos tests start and break: a {@link PlatformStack} on free ports (its processes, broker and
 * database to kill and restart), seen by the system tests' clients as a {@link SystemUnderTest}.
 */
final class ChaosPlatform implements SystemUnderTest, AutoCloseable {

    /** Confirmations in a tenth of a second, as in the system tests: the order of events stays the real one. */
    private static final long CONFIRMATION_DELAY_MS = 100;

    private final PlatformStack stack;
    private final Platform clients;

    private ChaosPlatform(PlatformStack stack) {
        this.stack = stack;
        this.clients = new Platform(this, new Users(this), new Bets(this), new Games(this), new Sandbox(this),
                new TopicRecords(this));
    }

    static ChaosPlatform start(Path projectRoot, Path stateDir) {
        ChaosPlatform platform = new ChaosPlatform(PlatformStack.start(
                PlatformStack.Options.forTests(projectRoot, stateDir), tuning()));
        platform.clients.sandbox().clearFaults();
        Sandbox.Network network = platform.clients.sandbox().network();
        platform.clients.sandbox().network(network.withConfirmationDelayMs(CONFIRMATION_DELAY_MS));
        return platform;
    }

    /**
     * The system tests' short waits (a lost webhook or a quiet schedule costs seconds, not minutes); the paths
     * taken are the production ones.
     */
    private static Map<String, Map<String, String>> tuning() {
        return Map.of(
                WALLET_GATEWAY, Map.of(
                        "P2PBET_WALLET_RECONCILER_SUBMITTEDAFTER", "5s",
                        "P2PBET_WALLET_RECONCILER_REQUESTEDAFTER", "20s",
                        "P2PBET_WALLET_RECONCILER_INTERVAL", "1s"),
                SETTLEMENT, Map.of(
                        "P2PBET_SETTLEMENT_POLLINTERVAL", "1s",
                        "P2PBET_SETTLEMENT_SHORTFALLBACKOFF", "1s",
                        "P2PBET_SETTLEMENT_AUDITTIMEOUT", "10s"),
                STATS, Map.of(
                        "P2PBET_STATS_GAMES_STARTCHECKINTERVAL", "PT1S",
                        "P2PBET_STATS_GAMES_START_CHECK_INTERVAL", "PT1S"));
    }

    PlatformStack stack() {
        return stack;
    }

    Platform clients() {
        return clients;
    }

    String jdbcUrl(String database) {
        return stack.jdbcUrl(database);
    }

    @Override
    public URI api(String pathPrefix) {
        return stack.apiUrl();
    }

    @Override
    public URI serviceUrl(String module) {
        return stack.serviceUrl(module);
    }

    @Override
    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    @Override
    public String registryApiUrl() {
        return stack.registryUrl();
    }

    @Override
    public String registryCcompatUrl() {
        return stack.registryCcompatUrl();
    }

    @Override
    public String sandboxKey() {
        return stack.sandboxApiKey();
    }

    @Override
    public String cognitoHookKey() {
        return stack.cognitoHookKey();
    }

    @Override
    public String mintToken(String userId, String... groups) {
        return stack.mintToken(userId, groups);
    }

    @Override
    public boolean controlsProcesses() {
        return true;
    }

    @Override
    public SpringBootProcess process(String module) {
        return stack.process(module);
    }

    @Override
    public Path logFile(String module) {
        return stack.logFile(module);
    }

    @Override
    public String describe() {
        return "the chaos tests' platform (API " + stack.apiUrl() + ", logs in " + stack.stateDir().resolve("logs")
                + ")";
    }

    @Override
    public void close() {
        stack.close();
    }
}
