package dev.p2pbet.localstack;

import java.net.URI;

/**
 * Where a running platform answers and the keys a client of it needs: what the demo and black-box tests use,
 * whether the stack runs in this JVM ({@link PlatformStack}) or in another one ({@link RunningStack}).
 */
public interface StackEndpoints {

    /** The single entry point that stands in for the API gateway ({@code /api/bets}, {@code /api/wallets}, ...). */
    URI apiUrl();

    /** A module's own base URL: {@code bet-service}, {@code wallet-gateway-service}, ..., {@code wallet-simulator}. */
    URI serviceUrl(String module);

    /** The wallet simulator's sandbox (admin) key, sent as {@code X-Sandbox-Key}: deposits, balances, faults. */
    String sandboxApiKey();

    /** The key of the gateway's Cognito post-confirmation hook, sent as {@code X-Hook-Key}. */
    String cognitoHookKey();

    /** A JWT of the run's local issuer for {@code userId}, in Cognito {@code groups} (e.g. {@code admin}). */
    String mintToken(String userId, String... groups);
}
