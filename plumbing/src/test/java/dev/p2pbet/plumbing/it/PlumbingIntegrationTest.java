package dev.p2pbet.plumbing.it;

import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.testinfra.RealInfrastructure;
import dev.p2pbet.testinfra.WithRealInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The plumbing in a running service: real broker, database and registry, one Spring context
 * shared by every integration test class of this module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlumbingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=plumbing-it",
                "p2pbet.security.dev-signing-secret=plumbing-it-secret-of-at-least-32-bytes-0123456789",
                "p2pbet.kafka.retry-backoff=50ms"})
@WithRealInfrastructure(database = "plumbing")
@interface PlumbingIntegrationTest {

    final class Probe {
        private Probe() {
        }

        static TopicProbe topics() {
            RealInfrastructure infra = RealInfrastructure.shared();
            return new TopicProbe(infra.kafkaBootstrapServers(), infra.registryApiUrl(), infra.registryCcompatUrl());
        }
    }
}
