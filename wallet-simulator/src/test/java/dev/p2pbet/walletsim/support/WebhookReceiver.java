package dev.p2pbet.walletsim.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook consumer for the tests: the JDK's HTTP server on a free port, started once per JVM, recording every
 * delivery as received (raw body and headers). It can be told to fail the next deliveries.
 */
public final class WebhookReceiver {

    /** Only ever used by tests. */
    public static final String SECRET = "test-only-webhook-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookReceiver INSTANCE = start();

    /** One delivery as it arrived. */
    public record Delivery(Map<String, String> headers, byte[] rawBody, JsonNode body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String transferId() {
            return body.path("data").path("id").asString();
        }

        public String eventId() {
            return body.path("id").asString();
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresBySourceAccount = new java.util.concurrent.ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver instance() {
        return INSTANCE;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks";
    }

    public List<Delivery> deliveriesFor(String transferId) {
        return deliveries.stream().filter(delivery -> transferId.equals(delivery.transferId())).toList();
    }

    /**
     * The next {@code count} deliveries about transfers from {@code sourceAccount} get a 503 (scoped to one account so
     * that late deliveries of other tests cannot use them up).
     */
    public void failNextFrom(String sourceAccount, int count) {
        failuresBySourceAccount.put(sourceAccount, new AtomicInteger(count));
    }

    private static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/webhooks", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        AtomicInteger failures = failuresBySourceAccount.get(json.path("data").path("from").asString());
        boolean fail = failures != null && failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        if (!fail) {
            deliveries.add(new Delivery(Map.copyOf(headers), body, json));
        }
        exchange.sendResponseHeaders(fail ? 503 : 204, -1);
        exchange.close();
    }

    /** Points the simulator's webhooks at the receiver. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("webhookReceiver",
                    Map.of("wallet-simulator.webhook.url", instance().url())));
        }
    }
}
