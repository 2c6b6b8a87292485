package dev.p2pbet.testinfra;

import dev.p2pbet.testinfra.support.QuietLogs;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 glue for tests without Spring: starts {@link RealInfrastructure#shared()} before the class's tests and
 * injects it into test, lifecycle-method and constructor parameters of type {@link RealInfrastructure}.
 *
 * <pre>{@code
 * @ExtendWith(RealInfrastructureExtension.class)
 * class OutboxRelayIT {
 *     @Test
 *     void relays(RealInfrastructure infra) { ... infra.kafkaBootstrapServers() ... }
 * }
 * }</pre>
 */
public final class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        RealInfrastructure.shared();
        // A Spring context started earlier in this JVM may have reset logback since the servers started.
        QuietLogs.apply();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RealInfrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RealInfrastructure.shared();
    }
}
