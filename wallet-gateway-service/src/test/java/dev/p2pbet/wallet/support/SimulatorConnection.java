package dev.p2pbet.wallet.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the gateway under test at the shared simulator, with the keys and the webhook secret they share, and
 * fixes the local token issuer's secret so tests can mint tokens.
 */
public class SimulatorConnection implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String HOOK_KEY = "it-cognito-hook-key";
    /** The local issuer's secret, for minting tokens with DevTokens (one per test JVM). */
    public static final String SIGNING_SECRET = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        WalletSimulator simulator = WalletSimulator.shared();
        TestPropertyValues.of(
                "server.port=" + simulator.gatewayPort(),
                "p2pbet.wallet.provider.url=" + simulator.url(),
                "p2pbet.wallet.provider.api-key=" + WalletSimulator.API_KEY,
                "p2pbet.wallet.webhook.secret=" + WalletSimulator.WEBHOOK_SECRET,
                "p2pbet.wallet.cognito-hook-key=" + HOOK_KEY,
                "p2pbet.security.dev-signing-secret=" + SIGNING_SECRET).applyTo(context);
    }
}
