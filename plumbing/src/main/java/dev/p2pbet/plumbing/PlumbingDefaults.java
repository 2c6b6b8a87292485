package dev.p2pbet.plumbing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings every service shares (Avro serdes, health groups, actuator exposure, JSON logs,
 * Flyway locations), added with the lowest precedence so a service or an operator can
 * override any of them. One place instead of four copies of the same YAML.
 */
public class PlumbingDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "p2pbet-plumbing-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader()
                    .load("p2pbet-plumbing-defaults", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
