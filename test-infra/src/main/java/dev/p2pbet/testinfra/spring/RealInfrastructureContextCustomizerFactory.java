package dev.p2pbet.testinfra.spring;

import java.util.List;

import dev.p2pbet.testinfra.WithRealInfrastructure;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link WithRealInfrastructure} on a test class (directly, as a meta-annotation, on a superclass or an
 * enclosing class) into a {@link RealInfrastructureContextCustomizer}. Registered in {@code META-INF/spring.factories}
 * under {@code org.springframework.test.context.ContextCustomizerFactory}; returns null for other test classes.
 */
public final class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        WithRealInfrastructure annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, WithRealInfrastructure.class);
        return annotation == null ? null : new RealInfrastructureContextCustomizer(annotation.database());
    }
}
