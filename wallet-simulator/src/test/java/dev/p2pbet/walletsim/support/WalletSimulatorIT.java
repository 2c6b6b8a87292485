package dev.p2pbet.walletsim.support;

import dev.p2pbet.testinfra.WithRealInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every integration test of the module carries exactly this, so they share one application context: the
 * simulator on a random port against the real PostgreSQL, webhooks to the in-test {@link WebhookReceiver}, short
 * delays, and the money-conservation check around each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "wallet-simulator.api.clients.gateway=" + SimulatorClient.GATEWAY_KEY,
        "wallet-simulator.api.clients.other-client=" + SimulatorClient.OTHER_CLIENT_KEY,
        "wallet-simulator.sandbox.api-key=" + SimulatorClient.SANDBOX_KEY,
        "wallet-simulator.webhook.secret=" + WebhookReceiver.SECRET,
        "wallet-simulator.webhook.poll-interval=50ms",
        "wallet-simulator.webhook.initial-backoff=100ms",
        "wallet-simulator.webhook.max-backoff=400ms",
        "wallet-simulator.webhook.max-attempts=4",
        "wallet-simulator.webhook.timeout=1s",
        "wallet-simulator.transfers.confirmation-delay=" + SimulatorClient.CONFIRMATION_DELAY_MS + "ms",
        "wallet-simulator.transfers.poll-interval=50ms"})
@WithRealInfrastructure(database = "wallet_simulator")
@ContextConfiguration(initializers = WebhookReceiver.Initializer.class)
@ExtendWith(MoneyIsConserved.class)
public @interface WalletSimulatorIT {
}
