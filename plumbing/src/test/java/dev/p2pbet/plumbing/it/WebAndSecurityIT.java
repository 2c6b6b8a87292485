package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.security.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlumbingIntegrationTest
class WebAndSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${p2pbet.security.dev-signing-secret}")
    String secret;

    @Test
    void takes_the_user_from_the_token_subject() throws Exception {
        HttpResponse<String> response = get("/api/whoami", token("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("alice");
    }

    @Test
    void refuses_a_request_without_a_token_as_problem_json() throws Exception {
        HttpResponse<String> response = get("/api/whoami", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"reason\":\"UNAUTHENTICATED\"");
    }

    @Test
    void refuses_a_token_signed_with_another_key() throws Exception {
        String forged = DevTokens.mint("alice", "another-secret-of-at-least-32-bytes-0123456789",
                DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));

        assertThat(get("/api/whoami", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void refuses_an_expired_token() throws Exception {
        String expired = DevTokens.mint("alice", secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(-5));

        assertThat(get("/api/whoami", expired).statusCode()).isEqualTo(401);
    }

    @Test
    void lets_a_member_of_the_admin_group_in() throws Exception {
        String admin = DevTokens.mint("ops", secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5), List.of("admin"));

        assertThat(get("/api/admin-only", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_an_ordinary_user_on_an_admin_endpoint_as_problem_json() throws Exception {
        HttpResponse<String> response = get("/api/admin-only", token("alice"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void renders_a_business_refusal_as_problem_json_with_its_reason() throws Exception {
        HttpResponse<String> response = get("/api/refused", token("alice"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"reason\":\"ALREADY_TAKEN\"").contains("Someone else took this bet.");
    }

    @Test
    void hides_the_internals_of_an_unexpected_error() throws Exception {
        HttpResponse<String> response = get("/api/broken", token("alice"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("INTERNAL_ERROR").doesNotContain("secret internals");
    }

    @Test
    void answers_an_exhausted_database_pool_with_a_503_to_retry_not_a_500() throws Exception {
        HttpResponse<String> response = get("/api/overloaded", token("alice"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).contains("\"reason\":\"SERVICE_BUSY\"").doesNotContain("secret internals");
    }

    @Test
    void answers_an_unknown_path_with_problem_json() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here", token("alice"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404");
    }

    @Test
    void serves_readiness_with_database_and_broker_to_anyone() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"db\"").contains("\"kafka\"").contains("\"UP\"");
    }

    private String token(String user) {
        return DevTokens.mint(user, secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
