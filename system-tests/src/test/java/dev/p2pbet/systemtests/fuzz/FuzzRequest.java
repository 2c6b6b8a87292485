package dev.p2pbet.systemtests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request, exactly as it is sent: {@code target} is {@code entry-point} or the module whose own port
 * gets it. {@link #describe} prints it so that a failure can be sent again by hand or with {@code -Dfuzz.replay=}.
 */
record FuzzRequest(long index, Endpoint endpoint, String target, String method, String pathAndQuery,
                   List<Map.Entry<String, String>> headers, byte[] body) {

    static final String ENTRY_POINT = "entry-point";

    /** Whether a success would change something: any method but the safe ones. */
    boolean unsafe() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** The bytes of the request line and the headers as this request gives them (the client adds a few more). */
    int headBytes() {
        int bytes = method.length() + 1 + pathAndQuery.length() + " HTTP/1.1\r\n".length();
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        return bytes;
    }

    String describe(String baseUrl) {
        StringBuilder out = new StringBuilder();
        out.append('#').append(index).append(" [").append(endpoint.label()).append(" via ").append(target).append("]\n")
                .append(method).append(' ').append(baseUrl).append(pathAndQuery).append('\n');
        headers.forEach(header -> out.append(header.getKey()).append(": ").append(shorten(header.getValue(), 300))
                .append('\n'));
        if (body != null) {
            out.append("body (").append(body.length).append(" bytes): ")
                    .append(shorten(printable(new String(body, StandardCharsets.UTF_8)), 600)).append('\n');
        }
        return out.toString();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 2000));
        for (int i = 0; i < text.length() && out.length() < 2000; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
