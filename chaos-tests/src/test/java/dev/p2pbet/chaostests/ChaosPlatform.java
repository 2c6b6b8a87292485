package dev.p2pbet.chaostests;

import dev.p2pbet.localstack.PlatformStack;
import dev.p2pbet.systemtests.clients.Bets;
import dev.p2pbet.systemtests.clients.Games;
import dev.p2pbet.systemtests.clients.Sandbox;
import dev.p2pbet.systemtests.clients.TopicRecords;
import dev.p2pbet.systemtests.clients.Users;
import dev.p2pbet.systemtests.support.Platform;
import dev.p2pbet.systemtests.support.StartedStack;
import java.nio.file.Path;
import java.util.Map;

/**
 * The platform the chaos tests start and break: a {@link PlatformStack} on free ports (its processes, broker and
 * database to kill and restart), seen by the system tests' clients as a system under test.
 */
final class ChaosPlatform extends StartedStack implements AutoCloseable {

    /** Confirmations in a tenth of a second, as in the system tests: the order of events stays the real one. */
    private static final long CONFIRMATION_DELAY_MS = 100;

    private final Platform clients;

    private ChaosPlatform(PlatformStack stack) {
        super(stack);
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

    Platform clients() {
        return clients;
    }

    String jdbcUrl(String database) {
        return stack().jdbcUrl(database);
    }

    @Override
    public String describe() {
        return "the chaos tests' platform (API " + stack().apiUrl() + ", logs in " + stack().stateDir().resolve("logs")
                + ")";
    }
}
