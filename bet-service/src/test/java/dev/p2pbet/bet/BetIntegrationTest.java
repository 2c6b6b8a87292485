package dev.p2pbet.bet;

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
 * registry: every {@code *IT} class carries exactly this, so the context starts once. The
 * signing secret is a fixed test value: {@code ${random.uuid}} would resolve anew on every read,
 * so the tokens the tests mint would not match the one the service checks. A user may have three
 * offers in flight, so the limit is reachable in a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pbet.security.dev-signing-secret=bet-it-only-secret-of-at-least-32-bytes-0123456789",
        "p2pbet.bet.max-open-offers-per-user=3"})
@WithRealInfrastructure(database = "bet")
public @interface BetIntegrationTest {
}
