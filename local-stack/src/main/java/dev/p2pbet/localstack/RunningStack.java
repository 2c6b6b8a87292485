package dev.p2pbet.localstack;

import dev.p2pbet.plumbing.security.DevTokens;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * A stack started by another JVM (`./platform run`), found through the files it keeps in its state directory:
 * {@value #ENDPOINTS_FILE} (where everything answers) and the run's secrets. What `./platform demo` talks to.
 */
public final class RunningStack implements StackEndpoints {

    static final String ENDPOINTS_FILE = "endpoints.properties";

    private final Properties endpoints;
    private final String signingSecret;
    private final String sandboxKey;
    private final String cognitoHookKey;

    private RunningStack(Properties endpoints, String signingSecret, String sandboxKey, String cognitoHookKey) {
        this.endpoints = endpoints;
        this.signingSecret = signingSecret;
        this.sandboxKey = sandboxKey;
        this.cognitoHookKey = cognitoHookKey;
    }

    /** The stack whose state directory is {@code stateDir}; fails with what to do when none is running there. */
    public static RunningStack in(Path stateDir) {
        Path file = stateDir.resolve(ENDPOINTS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No local stack is running (no " + file + "): start one with ./platform run"
                    + " and wait for \"The platform is up\"");
        }
        Properties endpoints = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            endpoints.load(in);
            LocalSecrets secrets = LocalSecrets.readFrom(stateDir);
            return new RunningStack(endpoints, secrets.jwtSigningSecret(), secrets.sandboxKey(), secrets.cognitoHookKey());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local stack's files in " + stateDir, e);
        }
    }

    @Override
    public URI apiUrl() {
        return URI.create(endpoints.getProperty("api"));
    }

    @Override
    public URI serviceUrl(String module) {
        String url = endpoints.getProperty("service." + PlatformModule.named(module).name());
        if (url == null) {
            throw new IllegalStateException(module + " is not in " + ENDPOINTS_FILE);
        }
        return URI.create(url);
    }

    public String kafkaBootstrapServers() {
        return endpoints.getProperty("kafka");
    }

    public String registryUrl() {
        return endpoints.getProperty("registry");
    }

    @Override
    public String sandboxApiKey() {
        return sandboxKey;
    }

    @Override
    public String cognitoHookKey() {
        return cognitoHookKey;
    }

    @Override
    public String mintToken(String userId, String... groups) {
        return DevTokens.mint(userId, signingSecret, DevTokens.DEFAULT_ISSUER, Duration.ofHours(12), List.of(groups));
    }
}
