package dev.p2pbet.testinfra.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.p2pbet.testinfra.RealInfrastructure;
import dev.p2pbet.testinfra.support.QuietLogs;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts (or reuses) {@link RealInfrastructure#shared()} and hands its addresses to the test's application context.
 * Equal for equal database names, which is what keeps Spring's context cache working.
 */
public final class RealInfrastructureContextCustomizer implements ContextCustomizer {

    /** Name of the property source this customizer adds. */
    public static final String PROPERTY_SOURCE_NAME = "p2pbetRealInfrastructure";

    /** Name of the {@link RealInfrastructure} bean. */
    public static final String BEAN_NAME = "p2pbetRealInfrastructure";

    /** Property sources of the test itself, which keep precedence over ours. */
    private static final List<String> TEST_OVERRIDES = List.of(
            TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "Dynamic Test Properties");

    private final String database;

    public RealInfrastructureContextCustomizer(String database) {
        this.database = database == null ? "" : database;
    }

    public String database() {
        return database;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        RealInfrastructure infrastructure = RealInfrastructure.shared();
        // Spring Boot (re)initialises logback when its first context starts, which drops levels set earlier.
        QuietLogs.apply();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties(infrastructure, database));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        String after = null;
        for (PropertySource<?> existing : sources) {
            if (TEST_OVERRIDES.contains(existing.getName())) {
                after = existing.getName();
            }
        }
        if (after == null) {
            sources.addFirst(source);
        } else {
            sources.addAfter(after, source);
        }
        if (!context.getBeanFactory().containsSingleton(BEAN_NAME)) {
            context.getBeanFactory().registerSingleton(BEAN_NAME, infrastructure);
        }
    }

    /** The properties a Spring Boot service needs to reach the real infrastructure; no datasource for "". */
    public static Map<String, Object> properties(RealInfrastructure infrastructure, String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        if (database != null && !database.isEmpty()) {
            properties.put("spring.datasource.url", infrastructure.jdbcUrl(database));
            properties.put("spring.datasource.username", infrastructure.dbUsername());
            properties.put("spring.datasource.password", infrastructure.dbPassword());
        }
        properties.put("p2pbet.kafka.registry-url", infrastructure.registryApiUrl());
        return properties;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RealInfrastructureContextCustomizer that && database.equals(that.database);
    }

    @Override
    public int hashCode() {
        return Objects.hash(RealInfrastructureContextCustomizer.class, database);
    }

    @Override
    public String toString() {
        return "RealInfrastructureContextCustomizer[database=" + database + "]";
    }
}
