package dev.p2pbet.stats;

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
 * scheduler runs every 200 ms and auto-simulation is on with one-hour games, so a game that
 * started over an hour ago is finalized by the simulator; other tests use future start times.
 * The signing secret is a fixed test value: {@code ${random.uuid}} would resolve anew on every
 * read, so the tokens the tests mint would not match the one the service checks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "p2pbet.security.dev-signing-secret=stats-it-only-secret-of-at-least-32-bytes-0123456789",
        "p2pbet.stats.games.start-check-interval=PT0.2S",
        "p2pbet.stats.games.auto-simulate=true",
        "p2pbet.stats.games.length=PT1H"})
@WithRealInfrastructure(database = "stats")
public @interface StatsIntegrationTest {
}
