package dev.p2pbet.wallet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code p2pbet.wallet}. Secrets (the provider API key, the webhook secret, the Cognito hook key)
 * have no default and only come from the environment; an endpoint whose secret is missing refuses every call.
 */
@ConfigurationProperties("p2pbet.wallet")
public record WalletGatewayProperties(
        @DefaultValue Provider provider,
        @DefaultValue Webhook webhook,
        @DefaultValue("") String cognitoHookKey,
        @DefaultValue Reconciler reconciler,
        @DefaultValue CrashTest crashTest,
        @DefaultValue VaultReport vaultReport) {

    /**
     * The provider's API: base URL, API key (sent as {@code Authorization: Bearer}), timeouts, retries with
     * exponential backoff, the circuit breaker around every call, and how many transfer commands may wait for the
     * provider's answer at once ({@code concurrentCalls}).
     */
    public record Provider(
            @DefaultValue("http://localhost:8085") String url,
            @DefaultValue("") String apiKey,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration openStateWait,
            @DefaultValue("32") int concurrentCalls) {
    }

    /** The provider's webhook: its HMAC secret and how old a signature may be. */
    public record Webhook(@DefaultValue("") String secret, @DefaultValue("300s") Duration tolerance) {
    }

    /**
     * The reconciler: how often it runs, how long a transfer may stay submitted (waiting for a webhook) or
     * requested (provider call outcome unknown) before it is looked up at the provider, and after how many calls
     * that may have reached the provider a transfer the provider does not know is given up as failed.
     */
    public record Reconciler(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2s") Duration interval,
            @DefaultValue("30s") Duration submittedAfter,
            @DefaultValue("30s") Duration requestedAfter,
            @DefaultValue("5") int maxAttempts) {
    }

    /**
     * The vault balance report: its gas quote is the provider's quote for a transfer of {@code gasQuoteAmountMinor}
     * out of ESCROW_VAULT (to PLATFORM_OPS). One quote answers a whole audit, so it is taken at a representative
     * amount; settlement fixes it as gas_out of the refunds that audit releases, and the difference to the gas
     * actually used is the platform's (settlement meters it).
     */
    public record VaultReport(@DefaultValue("10000") long gasQuoteAmountMinor) {
    }

    /** Tests only: halt the JVM right after a provider call returns, before its outcome is committed. */
    public record CrashTest(@DefaultValue("false") boolean haltAfterProviderCall) {
    }
}
