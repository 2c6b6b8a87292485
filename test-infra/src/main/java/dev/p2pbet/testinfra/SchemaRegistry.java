package dev.p2pbet.testinfra;

/** A running, real Apicurio Registry 2.x (child process or container). */
public interface SchemaRegistry extends AutoCloseable {

    /** {@code http://host:port}, no trailing slash. */
    String baseUrl();

    /** The core API, what {@code apicurio.registry.url} takes: {@code baseUrl() + "/apis/registry/v2"}. */
    default String registryApiUrl() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** The Confluent-compatible API: {@code baseUrl() + "/apis/ccompat/v7"}. */
    default String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** Stops the registry; idempotent. */
    @Override
    void close();
}
