package dev.p2pbet.plumbing.limits;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The request limits of every service, ahead of every other filter (security included): first the body size, then
 * the requests in flight. Both refuse before the token is verified, so a refusal costs no signature check; an
 * anonymous request holds its place only for the moment it takes security to answer 401.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class RequestLimitsAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(RequestLimitsProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.getMaxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * After the size limit (a chunked body is buffered there, before a place is taken, so a slow upload does not hold
     * one) and before security and the rest of the work. Off when the limit is 0 or less.
     */
    @Bean
    @Conditional(InFlightLimitOn.class)
    FilterRegistrationBean<InFlightRequestLimit> inFlightRequestLimit(RequestLimitsProperties properties,
                                                                      Environment environment,
                                                                      ObjectProvider<MeterRegistry> meters) {
        InFlightRequestLimit limit = new InFlightRequestLimit(properties.getMaxInFlightRequests(),
                properties.getInFlightWait(),
                environment.getProperty("management.endpoints.web.base-path", "/actuator"),
                properties.getEventStreamPaths());
        meters.ifAvailable(registry -> {
            Gauge.builder("request.limit.in.flight", limit, InFlightRequestLimit::inFlight)
                    .description("Requests being worked on, of at most p2pbet.request-limits.max-in-flight-requests")
                    .register(registry);
            FunctionCounter.builder("request.limit.refused", limit, InFlightRequestLimit::refused)
                    .description("Requests refused with 503 SERVICE_BUSY because too many were in flight")
                    .register(registry);
        });
        FilterRegistrationBean<InFlightRequestLimit> registration = new FilterRegistrationBean<>(limit);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /** Bound as the properties are (so the environment variable counts too); 0 or less turns the limit off. */
    static final class InFlightLimitOn implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("p2pbet.request-limits", RequestLimitsProperties.class)
                    .orElseGet(RequestLimitsProperties::new).getMaxInFlightRequests() > 0;
        }
    }
}
