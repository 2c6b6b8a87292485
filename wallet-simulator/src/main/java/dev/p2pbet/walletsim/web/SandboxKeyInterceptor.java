package dev.p2pbet.walletsim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/** The sandbox admin API mints money, so it wants its own key ({@code X-Sandbox-Key}) unless none is configured. */
final class SandboxKeyInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-Sandbox-Key";

    private final byte[] key;

    SandboxKeyInterceptor(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (key.length == 0) {
            return true;
        }
        String given = request.getHeader(HEADER);
        if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The sandbox API needs the header " + HEADER);
        }
        return true;
    }
}
