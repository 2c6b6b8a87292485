package dev.p2pbet.systemtests.support;

import dev.p2pbet.testinfra.process.SpringBootProcess;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The platform the system tests drive, as a black box: where its APIs and topics are, the secrets a
 * tester holds (sandbox key, sign-up hook key, the local token issuer), and, where the tests started it,
 * its processes.
 */
public interface SystemUnderTest {

    String BET_SERVICE = "bet-service";
    String WALLET_GATEWAY = "wallet-gateway-service";
    String SETTLEMENT = "settlement-service";
    String STATS = "stats-service";
    String WALLET_SIMULATOR = "wallet-simulator";

    /** Where the frontend API under {@code pathPrefix} ({@code /api/bets}, {@code /api/wallets}, ...) is served. */
    URI api(String pathPrefix);

    /** A service's own address: admin APIs, the sign-up hook, the simulator. */
    URI serviceUrl(String module);

    String kafkaBootstrapServers();

    /** The registry's core API ({@code .../apis/registry/v2}). */
    String registryApiUrl();

    /** The registry's Confluent-compatible API ({@code .../apis/ccompat/v7}). */
    String registryCcompatUrl();

    String sandboxKey();

    String cognitoHookKey();

    /** A JWT of the platform's issuer for {@code userId}, member of {@code groups} (e.g. {@code admin}). */
    String mintToken(String userId, String... groups);

    /**
     * A connection to the platform's PostgreSQL database {@code database} ({@code bet}, {@code wallet_gateway},
     * {@code settlement}, {@code stats}, {@code wallet_simulator}), for tests that check what was written.
     */
    default Connection database(String database) throws SQLException {
        throw new UnsupportedOperationException(describe() + " does not give its databases to the tests");
    }

    /** Whether the tests started this platform and may stop, kill and start its services. */
    boolean controlsProcesses();

    SpringBootProcess process(String module);

    /** The service's log (ECS JSON, one object per line). */
    Path logFile(String module);

    /** What the failure message of a test should point to. */
    String describe();
}
