package dev.p2pbet.walletsim.web;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The provider API authenticates its clients by API key ({@code Authorization: Bearer <key>}) and scopes
 * idempotency keys and transfer look-ups to the client the key belongs to.
 */
final class ApiKeyInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final Map<String, String> keysByClient;

    ApiKeyInterceptor(WalletSimulatorProperties properties) {
        this.keysByClient = properties.api().clients();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("Send the API key as Authorization: Bearer <key>");
        }
        byte[] given = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> client : keysByClient.entrySet()) {
            if (!client.getValue().isBlank()
                    && MessageDigest.isEqual(given, client.getValue().getBytes(StandardCharsets.UTF_8))) {
                request.setAttribute(ApiClient.ATTRIBUTE, client.getKey());
                return true;
            }
        }
        throw unauthorized("Unknown API key");
    }

    private static ApiProblemException unauthorized(String detail) {
        return new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }
}
