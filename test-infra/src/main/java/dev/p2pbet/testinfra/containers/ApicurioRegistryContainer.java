package dev.p2pbet.testinfra.containers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.p2pbet.testinfra.SchemaRegistry;
import dev.p2pbet.testinfra.support.BuildInfo;
import dev.p2pbet.testinfra.support.RegistryRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Apicurio Registry ({@code apicurio/apicurio-registry-mem}, in-memory storage, same version as the runner
 * the embedded path uses) in a container started by Testcontainers, with the global COMPATIBILITY rule set to
 * BACKWARD. Needs a Docker engine.
 */
public final class ApicurioRegistryContainer implements SchemaRegistry {

    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistryContainer.class);
    private static final int HTTP_PORT = 8080;

    private final GenericContainer<?> container;
    private boolean closed;

    private ApicurioRegistryContainer(GenericContainer<?> container) {
        this.container = container;
    }

    /** {@code apicurio/apicurio-registry-mem:<version>}; {@code -Dp2pbet.infra.apicurio-image=...} overrides it. */
    public static String image() {
        return System.getProperty("p2pbet.infra.apicurio-image",
                "apicurio/apicurio-registry-mem:" + BuildInfo.apicurioVersion());
    }

    public static ApicurioRegistryContainer start() {
        long started = System.nanoTime();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image()))
                .withExposedPorts(HTTP_PORT)
                .waitingFor(Wait.forHttp("/health/ready").forPort(HTTP_PORT).forStatusCode(200))
                .withStartupTimeout(Duration.ofMinutes(2));
        container.start();
        ApicurioRegistryContainer registry = new ApicurioRegistryContainer(container);
        try {
            RegistryRules.setGlobalCompatibility(registry.registryApiUrl(), "BACKWARD");
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        log.info("Real Apicurio Registry (container {}) up at {} in {} ms", image(), registry.baseUrl(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return registry;
    }

    @Override
    public String baseUrl() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(HTTP_PORT);
    }

    public GenericContainer<?> container() {
        return container;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            container.stop();
        }
    }
}
