package dev.p2pbet.systemtests.support;

import dev.p2pbet.localstack.PlatformStack;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A platform the tests start themselves ({@link PlatformStack#start}, free ports everywhere) and own: every
 * API through the single entry point, and the services' processes to kill and start again. chaos-tests extends it
 * to break the stack's broker and database as well.
 */
public class StartedStack implements SystemUnderTest {

    private final PlatformStack stack;

    protected StartedStack(PlatformStack stack) {
        this.stack = stack;
    }

    /** The stack itself, for tests that stop and start its parts. */
    public PlatformStack stack() {
        return stack;
    }

    static StartedStack start(Path projectRoot, Path stateDir, Map<String, Map<String, String>> tuning) {
        return new StartedStack(PlatformStack.start(PlatformStack.Options.forTests(projectRoot, stateDir), tuning));
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
    public Connection database(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.postgresUser(),
                stack.postgresPassword());
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
        return "the platform the tests started (API " + stack.apiUrl() + ", logs in "
                + stack.stateDir().resolve("logs") + ")";
    }

    public void close() {
        stack.close();
    }
}
