package dev.p2pbet.plumbing.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class RequestLimitsAutoConfigurationTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RequestLimitsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void limits_the_requests_in_flight_by_default_and_reports_them_as_meters() {
        context.run(app -> {
            assertThat(app).hasBean("inFlightRequestLimit");
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            assertThat(meters.get("request.limit.in.flight").gauge().value()).isZero();
            assertThat(meters.get("request.limit.refused").functionCounter().count()).isZero();
        });
    }

    @Test
    void turns_the_limit_off_at_zero() {
        context.withPropertyValues("p2pbet.request-limits.max-in-flight-requests=0")
                .run(app -> assertThat(app).doesNotHaveBean("inFlightRequestLimit").hasBean("requestSizeLimitFilter"));
    }
}
