package dev.p2pbet.plumbing.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the shared Kafka plumbing, under {@code p2pbet.kafka}. */
@ConfigurationProperties("p2pbet.kafka")
public class PlumbingKafkaProperties {

    /** Core API of the Apicurio registry, e.g. http://localhost:8081/apis/registry/v2. */
    private String registryUrl = "http://localhost:8081/apis/registry/v2";

    /** Register schemas on first use (dev and tests); production registers them from the build. */
    private boolean autoRegisterSchemas = true;

    /** Create the catalogue's topics and DLTs at start (dev and tests); Strimzi owns them in k8s. */
    private boolean provisionTopics = true;

    /** Deliveries of a failing record before it goes to its DLT. */
    private int maxAttempts = 4;

    /** Pause between those deliveries. */
    private Duration retryBackoff = Duration.ofMillis(200);

    /**
     * How long a record whose failure is the infrastructure's (the database is down) is retried,
     * with a growing pause, before it goes to its DLT as {@code retries-exhausted}.
     */
    private Duration transientRetryFor = Duration.ofMinutes(15);

    public String getRegistryUrl() {
        return registryUrl;
    }

    public void setRegistryUrl(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    public boolean isAutoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public void setAutoRegisterSchemas(boolean autoRegisterSchemas) {
        this.autoRegisterSchemas = autoRegisterSchemas;
    }

    public boolean isProvisionTopics() {
        return provisionTopics;
    }

    public void setProvisionTopics(boolean provisionTopics) {
        this.provisionTopics = provisionTopics;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getTransientRetryFor() {
        return transientRetryFor;
    }

    public void setTransientRetryFor(Duration transientRetryFor) {
        this.transientRetryFor = transientRetryFor;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }
}
