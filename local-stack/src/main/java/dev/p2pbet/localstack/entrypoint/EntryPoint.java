package dev.p2pbet.localstack.entrypoint;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for the API gateway: one port, path-based routing to the services (see {@link PlatformRoutes}),
 * CORS for the frontend's origin, responses streamed as they come (the lobby's server-sent events), every request
 * header passed on (Authorization, traceparent, Idempotency-Key, ...). What it cannot route answers problem+json:
 * 404 for an unknown path, 503 for a service that is down, 502 when a service breaks off, 413 for a body over 1 MiB.
 */
public final class EntryPoint implements AutoCloseable {

    /** Same as the deployed gateways. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** How much of a refused request's body is read and dropped before the answer (see drainRequestBody). */
    static final long DRAIN_LIMIT_BYTES = 8L * MAX_BODY_BYTES;
    /** Request line and headers: below the services' Tomcat limit (8 KiB), leaving room for what the proxy adds. */
    static final int MAX_HEADER_BYTES = 7 * 1024;
    /**
     * How long a service may take to start its answer: one that hangs gets its client a 504 instead of a request
     * held open for ever. It bounds only the wait for the answer's headers, so an event stream's body may go on as
     * long as it likes (the deployed nginx needs a read timeout of an hour for that, as it also bounds the gaps).
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID, traceparent, tracestate";

    private static final Logger log = LoggerFactory.getLogger(EntryPoint.class);
    /** Encoded characters the services' Tomcat refuses in a path before it reads the request's body. */
    private static final Pattern REFUSED_BY_THE_SERVICES = Pattern.compile("%(00|2[fF])");
    /** Hop-by-hop headers, and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "expect", "http2-settings");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "date", "trailer", "upgrade");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final List<Route> routes;
    private final Map<String, URI> backends;
    private final String allowedOrigin;

    private EntryPoint(HttpServer server, ExecutorService executor, List<Route> routes, Map<String, URI> backends,
                       String allowedOrigin) {
        this.server = server;
        this.executor = executor;
        this.routes = List.copyOf(routes);
        this.backends = Map.copyOf(backends);
        this.allowedOrigin = allowedOrigin;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * Listens on localhost:{@code port} (0: a free port) and routes to {@code backends}: module name -> base URL.
     *
     * @param allowedOrigin the frontend origin CORS answers for, e.g. {@code http://localhost:3000}
     */
    public static EntryPoint start(int port, List<Route> routes, Map<String, URI> backends, String allowedOrigin) {
        for (Route route : routes) {
            if (!backends.containsKey(route.module())) {
                throw new IllegalArgumentException("No backend for " + route.module() + " (route " + route.pattern() + ")");
            }
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 128);
            ExecutorService executor = exchangeThreads();
            EntryPoint entryPoint = new EntryPoint(server, executor, routes, backends, allowedOrigin);
            server.setExecutor(executor);
            server.createContext("/", entryPoint::handle);
            server.start();
            log.info("API entry point up at {} (CORS origin {})", entryPoint.url(), allowedOrigin);
            return entryPoint;
        } catch (IOException e) {
            throw new UncheckedIOException("The API entry point cannot listen on localhost:" + port, e);
        }
    }

    /**
     * One platform thread per exchange, not a virtual one (ADR 0003). The launcher runs from an executable jar, where
     * virtual threads that load classes at the same moment can hold every carrier thread while they wait on the jar's
     * lock (spring-boot#51463); and in the system tests the entry point shares its JVM, and so its carrier threads,
     * with the tests' own clients. The OS preempts platform threads; a local entry point has few exchanges at a time.
     */
    private static ExecutorService exchangeThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "entry-point-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        client.shutdownNow();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null && origin.equals(allowedOrigin)) {
                Headers headers = exchange.getResponseHeaders();
                headers.set("Access-Control-Allow-Origin", origin);
                headers.set("Access-Control-Expose-Headers", "Location");
            }
            exchange.getResponseHeaders().add("Vary", "Origin");
            if (path.equals("/healthz")) {
                respond(exchange, 200, "text/plain", "ok\n");
                return;
            }
            Optional<Route> route = PlatformRoutes.find(routes, path);
            if (route.isEmpty()) {
                problem(exchange, 404, "Not Found", "NO_ROUTE", "No API at " + path + " (the entry point routes "
                        + routes.stream().map(Route::pattern).toList() + ")");
                return;
            }
            if (isPreflight(exchange)) {
                answerPreflight(exchange, origin);
                return;
            }
            forward(exchange, route.get());
        } catch (IOException e) {
            // The client went away (a closed event stream, most often): nothing left to answer.
            log.debug("Exchange {} {} ended: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } catch (RuntimeException e) {
            log.warn("Entry point failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    /** The request line as the client sent it: method, path and query, protocol. */
    private static int requestLineBytes(HttpExchange exchange) {
        return exchange.getRequestMethod().length() + 1 + exchange.getRequestURI().toString().length()
                + " HTTP/1.1\r\n".length();
    }

    private static int headerBytes(HttpExchange exchange) {
        return exchange.getRequestHeaders().entrySet().stream()
                .mapToInt(header -> header.getValue().stream().mapToInt(value -> header.getKey().length() + 4
                        + value.length()).sum())
                .sum();
    }

    private static boolean isPreflight(HttpExchange exchange) {
        return exchange.getRequestMethod().equals("OPTIONS")
                && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method");
    }

    /** An origin other than the frontend's gets no CORS headers, and the browser refuses the call. */
    private void answerPreflight(HttpExchange exchange, String origin) throws IOException {
        if (origin != null && origin.equals(allowedOrigin)) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
            headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            headers.set("Access-Control-Max-Age", "600");
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void forward(HttpExchange exchange, Route route) throws IOException {
        // the services' Tomcat refuses a head over 8 KiB and closes the connection with the rest unread, which the
        // proxy may see as a reset (a 502) instead of Tomcat's 400: such heads are refused here
        int requestLine = requestLineBytes(exchange);
        if (requestLine > MAX_HEADER_BYTES) {
            problem(exchange, 414, "URI Too Long", "URI_TOO_LONG",
                    "A request's path and query are at most " + MAX_HEADER_BYTES / 1024 + " KiB.");
            return;
        }
        if (requestLine + headerBytes(exchange) > MAX_HEADER_BYTES) {
            problem(exchange, 431, "Request Header Fields Too Large", "HEADERS_TOO_LARGE",
                    "The request line and headers are at most " + MAX_HEADER_BYTES / 1024 + " KiB.");
            return;
        }
        // Tomcat refuses an encoded NUL or slash in the path while it parses the request line, and closes the
        // connection with the body unread, as for an oversized head: the proxy, still sending the body, saw a
        // reset (a 502; the fuzzer found it with a 294 KB body) instead of Tomcat's 400
        if (REFUSED_BY_THE_SERVICES.matcher(exchange.getRequestURI().getRawPath()).find()) {
            problem(exchange, 400, "Bad Request", "INVALID_PATH",
                    "A path may not hold an encoded NUL (%00) or slash (%2F).");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(exchange, 413, "Content Too Large", "BODY_TOO_LARGE", "A request body is at most 1 MiB.");
            return;
        }
        URI target = backendUri(route, exchange.getRequestURI());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(ANSWER_TIMEOUT)
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        request.header("X-Forwarded-Proto", "http");
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());

        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            problem(exchange, 503, "Service Unavailable", "SERVICE_UNAVAILABLE",
                    route.module() + " does not answer at " + backends.get(route.module()) + "; is it running?");
            return;
        } catch (HttpTimeoutException e) {
            problem(exchange, 504, "Gateway Timeout", "SERVICE_TIMEOUT", route.module() + " did not answer in time.");
            return;
        } catch (IOException e) {
            problem(exchange, isConnectFailure(e) ? 503 : 502, isConnectFailure(e) ? "Service Unavailable" : "Bad Gateway",
                    isConnectFailure(e) ? "SERVICE_UNAVAILABLE" : "BAD_GATEWAY",
                    route.module() + " at " + backends.get(route.module()) + " failed: " + e.getClass().getSimpleName());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        relay(exchange, response);
    }

    private static boolean isConnectFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Copies the status and headers, then the body chunk by chunk as it arrives, flushing each. */
    private static void relay(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            Headers headers = exchange.getResponseHeaders();
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!NOT_RETURNED.contains(lower) && !lower.startsWith("access-control-") && !lower.equals("vary")
                        && !lower.equals(":status")) {
                    headers.put(name, values);
                }
            });
            response.headers().allValues("Vary").forEach(value -> headers.add("Vary", value));
            int status = response.statusCode();
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            exchange.sendResponseHeaders(status, noBody || length == 0 ? -1 : Math.max(length, 0));
            if (noBody) {
                return;
            }
            OutputStream out = exchange.getResponseBody();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    private static URI backendUri(URI base, URI requested) {
        String raw = requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
        return URI.create(base.toString().replaceAll("/+$", "") + raw);
    }

    private URI backendUri(Route route, URI requested) {
        return backendUri(backends.get(route.module()), requested);
    }

    private static void problem(HttpExchange exchange, int status, String title, String reason, String detail)
            throws IOException {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"reason\":\"" + reason + "\",\"detail\":\"" + escape(detail) + "\",\"instance\":\""
                + escape(exchange.getRequestURI().getRawPath()) + "\"}";
        respond(exchange, status, "application/problem+json", json);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        drainRequestBody(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /**
     * Reads what is left of the request's body (up to {@link #DRAIN_LIMIT_BYTES}) before an answer the entry point
     * gives itself (404, 413, 431...): answering and closing with the client's bytes still unread makes the TCP
     * stack reset the connection, and a client still sending never reads the answer (the fuzzer saw it with 168 KB
     * and 1 MB bodies on paths with no route). A body past the limit is not worth reading: the connection closes.
     */
    private static void drainRequestBody(HttpExchange exchange) {
        byte[] buffer = new byte[16 * 1024];
        long left = DRAIN_LIMIT_BYTES;
        try {
            InputStream body = exchange.getRequestBody();
            int read;
            while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException gone) {
            // the client stopped sending; the answer goes out anyway, if it still can
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
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
