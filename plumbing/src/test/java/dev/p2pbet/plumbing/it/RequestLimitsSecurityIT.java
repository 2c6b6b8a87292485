package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.security.DevTokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API4 (unrestricted resource consumption): a body over the limit (64 KiB by default) is a 413 problem+json
 * before anything reads it, whether it announces its length or streams it chunked; absurdly long URLs and headers
 * are refused with a 4xx, never a 5xx.
 */
@PlumbingIntegrationTest
class RequestLimitsSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;

    @Value("${p2pbet.security.dev-signing-secret}")
    String secret;

    @Test
    void reads_a_body_under_the_limit() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(jsonOfSize(LIMIT - 100)), token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void refuses_a_body_over_the_limit_with_413_problem_json() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(jsonOfSize(LIMIT + 1)), token());

        assertTooLarge(response);
    }

    @Test
    void refuses_a_chunked_body_over_the_limit_without_a_content_length() throws Exception {
        byte[] body = jsonOfSize(4 * LIMIT).getBytes();
        HttpResponse<String> response = post(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), token());

        assertTooLarge(response);
    }

    @Test
    void refuses_a_large_body_before_authenticating_the_caller() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(jsonOfSize(LIMIT * 2)), null);

        assertTooLarge(response);
    }

    @Test
    void answers_a_very_long_url_with_a_4xx_not_a_5xx() throws Exception {
        String path = "/api/whoami?q=" + "a".repeat(64 * 1024);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void answers_a_very_long_header_with_a_4xx_not_a_5xx() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/whoami")).header("Authorization", "Bearer " + token())
                .header("X-Padding", "b".repeat(64 * 1024)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"reason\":\"PAYLOAD_TOO_LARGE\"");
    }

    private static String jsonOfSize(int bytes) {
        String head = "{\"padding\":\"";
        String tail = "\"}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    private String token() {
        return DevTokens.mint("alice", secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/echo-size"))
                .header("Content-Type", "application/json").POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
