package dev.p2pbet.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test ({@code @SpringBootTest}, or any Spring TestContext test) against the shared real Kafka
 * broker, PostgreSQL server and Apicurio Registry ({@link RealInfrastructure#shared()}), by adding these properties
 * with a precedence above the application's own configuration (but below {@code @SpringBootTest(properties=...)},
 * {@code @TestPropertySource} and {@code @DynamicPropertySource}, so a test can still override one):
 * <ul>
 *   <li>{@code spring.kafka.bootstrap-servers}</li>
 *   <li>{@code spring.datasource.url} (the {@link #database()}, created if absent), {@code spring.datasource.username},
 *       {@code spring.datasource.password} (only when a database is given)</li>
 *   <li>{@code p2pbet.kafka.registry-url}: the registry's core API, {@code http://host:port/apis/registry/v2}</li>
 * </ul>
 * The {@link RealInfrastructure} is also a bean of the test's context. Contexts are cached per database as usual.
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithRealInfrastructure(database = "bet")
 * class BetFlowIT { ... }
 * }</pre>
 *
 * Implemented by {@code dev.p2pbet.testinfra.spring.RealInfrastructureContextCustomizerFactory}, registered in
 * {@code META-INF/spring.factories}. May be used as a meta-annotation; inherited by subclasses and nested classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithRealInfrastructure {

    /**
     * The service's database ({@code bet}, {@code wallet_gateway}, {@code settlement}, {@code stats},
     * {@code wallet_simulator}, ...); empty for no {@code spring.datasource.*} properties.
     */
    String database() default "";
}
