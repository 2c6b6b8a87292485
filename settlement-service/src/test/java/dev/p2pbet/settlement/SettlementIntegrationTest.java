package dev.p2pbet.settlement;

import dev.p2pbet.testinfra.WithRealInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring context of the module's integration tests, on the real Kafka, PostgreSQL and
 * registry: every {@code *IT} class carries exactly this, so the context starts once. The signing
 * secret is a fixed test value (tokens minted by the tests must match). Waits are short so retries
 * after a shortfall and bets held for gas come round within a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pbet.security.dev-signing-secret=settlement-it-only-secret-of-at-least-32-bytes-0123",
        "p2pbet.settlement.poll-interval=PT0.3S",
        "p2pbet.settlement.margin-refresh=PT1S",
        "p2pbet.settlement.shortfall-backoff=PT0.5S",
        "p2pbet.settlement.shortfall-backoff-max=PT1S",
        "p2pbet.settlement.high-gas-retry=PT0.5S",
        "p2pbet.settlement.audit-timeout=PT5S"})
@WithRealInfrastructure(database = "settlement")
public @interface SettlementIntegrationTest {
}
