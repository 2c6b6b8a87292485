package dev.p2pbet.plumbing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem+json body written by hand, for the places that answer before or after Spring MVC (servlet filters, the
 * container's error page), where no message converter or content negotiation can fail. Public for the filters of
 * the {@code limits} package.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    static String body(int status, String reason, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return "{\"type\":\"" + ProblemDetailsAdvice.TYPE_BASE + reason.toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail)
                + "\",\"instance\":\"" + escape(instance == null ? "" : instance) + "\",\"reason\":\"" + escape(reason)
                + "\"}";
    }

    /** Replaces whatever was buffered with the problem; headers already set (e.g. Retry-After) are kept. */
    public static void write(HttpServletResponse response, int status, String reason, String detail, String instance)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(body(status, reason, detail, instance).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    static String reasonFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP_" + status : known.name();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
