package dev.p2pbet.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/** {@link WithRealInfrastructure} hands the shared servers' addresses to a Spring Boot test's context. */
@SpringBootTest(classes = WithRealInfrastructureIT.MinimalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.main.banner-mode=off")
@WithRealInfrastructure(database = "bet")
class WithRealInfrastructureIT {

    @SpringBootConfiguration
    static class MinimalApplication {
    }

    /** The context of this class itself (fields of the outer instance get the nested class's context). */
    private static ApplicationContext outerContext;

    @BeforeAll
    static void rememberOuterContext(ApplicationContext context) {
        outerContext = context;
    }

    @Autowired
    Environment environment;

    @Autowired
    RealInfrastructure injected;

    @Test
    void propertiesPointAtTheSharedRealServers() throws Exception {
        RealInfrastructure infra = RealInfrastructure.shared();
        assertThat(injected).isSameAs(infra);

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(infra.jdbcUrl("bet")).endsWith("/bet");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(infra.dbUsername());
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(infra.dbPassword());
        assertThat(environment.getProperty("p2pbet.kafka.registry-url"))
                .isEqualTo(infra.registryApiUrl()).endsWith("/apis/registry/v2");

        // The values work: the database exists and the registry answers.
        try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
             Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("bet");
        }
        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(environment.getProperty("p2pbet.kafka.registry-url") + "/system/info")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("apicurio-registry");
    }

    /** Same configuration, same database: Spring's context cache hands out the same context. */
    @Nested
    class SameDatabase {

        @Autowired
        ApplicationContext nestedContext;

        @Test
        void reusesTheCachedContext() {
            assertThat(nestedContext).isSameAs(outerContext);
        }
    }

    /** Another database: another context, whose datasource points there. */
    @Nested
    @WithRealInfrastructure(database = "stats")
    class OtherDatabase {

        @Autowired
        ApplicationContext nestedContext;

        @Autowired
        Environment nestedEnvironment;

        @Test
        void getsItsOwnContextAndDatabase() {
            assertThat(nestedContext).isNotSameAs(outerContext);
            assertThat(nestedEnvironment.getProperty("spring.datasource.url")).endsWith("/stats");
            assertThat(nestedEnvironment.getProperty("spring.kafka.bootstrap-servers"))
                    .isEqualTo(RealInfrastructure.shared().kafkaBootstrapServers());
        }
    }

    /** A test's own property sources keep precedence over the real-infrastructure ones. */
    @Nested
    @TestPropertySource(properties = "p2pbet.kafka.registry-url=http://override.invalid/apis/registry/v2")
    class TestPropertiesWin {

        @Autowired
        Environment nestedEnvironment;

        @Test
        void testPropertySourceOverridesOneProperty() {
            assertThat(nestedEnvironment.getProperty("p2pbet.kafka.registry-url"))
                    .isEqualTo("http://override.invalid/apis/registry/v2");
            assertThat(nestedEnvironment.getProperty("spring.datasource.url")).endsWith("/bet");
        }
    }
}
