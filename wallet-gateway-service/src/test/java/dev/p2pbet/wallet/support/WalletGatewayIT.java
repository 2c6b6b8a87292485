package dev.p2pbet.wallet.support;

import dev.p2pbet.testinfra.WithRealInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of the module's integration tests: the gateway on the real Kafka, PostgreSQL and registry,
 * talking over HTTP to the wallet-simulator jar (a child JVM started once, see {@link WalletSimulator}), on the port
 * the simulator sends its webhooks to. The reconciler runs every 300 ms and looks at transfers left submitted for
 * 3 s or requested for 3 s (longer than a provider call with its retries); provider calls time out after 500 ms. Around every test, money is conserved.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "p2pbet.wallet.provider.connect-timeout=250ms",
        "p2pbet.wallet.provider.read-timeout=500ms",
        "p2pbet.wallet.provider.initial-backoff=100ms",
        "p2pbet.wallet.provider.minimum-number-of-calls=1000",
        "p2pbet.wallet.reconciler.interval=300ms",
        "p2pbet.wallet.reconciler.submitted-after=3s",
        "p2pbet.wallet.reconciler.requested-after=3s",
        "p2pbet.wallet.reconciler.max-attempts=3"})
@WithRealInfrastructure(database = "wallet_gateway")
@ContextConfiguration(initializers = SimulatorConnection.class)
@ExtendWith(MoneyConservation.class)
public @interface WalletGatewayIT {
}
