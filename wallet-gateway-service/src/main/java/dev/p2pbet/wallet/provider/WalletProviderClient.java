package dev.p2pbet.wallet.provider;

import dev.p2pbet.wallet.WalletGatewayProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only client of the external wallet provider (docs/api/external-wallet.yaml; the wallet-simulator implements
 * it). Every call has connect and read timeouts, is retried with exponential backoff on 5xx, 429, timeouts and
 * I/O errors, and goes through a circuit breaker; a 4xx is a definite answer and is never retried. Retrying
 * {@code POST /transfers} is safe because it always carries the transfer_id as {@code Idempotency-Key}.
 * Latency is recorded per attempt as {@code betting.provider.request.duration{operation,outcome}} (a histogram).
 */
@Component
public class WalletProviderClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;

    WalletProviderClient(WalletGatewayProperties properties, MeterRegistry meters) {
        WalletGatewayProperties.Provider provider = properties.provider();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(provider.connectTimeout())
                // HTTP/1.1: no cleartext HTTP/2 upgrade dance on POSTs (TLS endpoints are HTTP/1.1 too, predictable)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(provider.readTimeout());
        this.http = RestClient.builder()
                .baseUrl(provider.url())
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + provider.apiKey())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build();
        this.retry = Retry.of("wallet-provider", RetryConfig.custom()
                .maxAttempts(provider.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(provider.initialBackoff(), 2.0, 0.2))
                .retryExceptions(ProviderUnavailableException.class)
                .ignoreExceptions(ProviderRefusedException.class, CallNotPermittedException.class)
                .build());
        this.breaker = CircuitBreaker.of("wallet-provider", CircuitBreakerConfig.custom()
                .failureRateThreshold(provider.failureRateThreshold())
                .slidingWindowSize(provider.slidingWindowSize())
                .minimumNumberOfCalls(provider.minimumNumberOfCalls())
                .waitDurationInOpenState(provider.openStateWait())
                .recordExceptions(ProviderUnavailableException.class)
                .ignoreExceptions(ProviderRefusedException.class)
                .build());
        this.meters = meters;
        meters.gauge("betting.provider.circuit.open", breaker,
                b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0);
    }

    /**
     * Whether calls go through unjudged: the circuit is closed. Open, calls fail at once; half-open, only a few go
     * through to probe the provider, and the rest are refused as if it were still down.
     */
    public boolean circuitClosed() {
        return breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    /** {@code POST /transfers} under the idempotency key; the provider answers with the (maybe replayed) transfer. */
    public ProviderTransfer submit(String idempotencyKey, String from, String to, long amountMinor, String currency,
                                   String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("amount_minor", amountMinor);
        body.put("currency", currency);
        body.put("reference", reference);
        String json = JSON.writeValueAsString(body);
        return read(call("submit", () -> http.method(HttpMethod.POST).uri("/transfers")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getBody()))),
                ProviderTransfer.class);
    }

    public ProviderTransfer transfer(String providerTransferId) {
        return read(call("get_transfer", () -> http.get().uri("/transfers/{id}", providerTransferId)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getBody()))),
                ProviderTransfer.class);
    }

    /** The transfer the provider accepted under this key, if any. */
    public Optional<ProviderTransfer> transferByIdempotencyKey(String idempotencyKey) {
        try {
            return Optional.of(read(call("find_transfer", () -> http.get()
                    .uri(uri -> uri.path("/transfers").queryParam("idempotencyKey", "{key}").build(idempotencyKey))
                    .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getBody()))),
                    ProviderTransfer.class));
        } catch (ProviderRefusedException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** An account's balance; a {@link ProviderRefusedException} with 404 when the provider has no such account. */
    public ProviderBalance balance(String accountId) {
        return read(call("balance", () -> http.get().uri("/accounts/{id}/balance", accountId)
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getBody()))),
                ProviderBalance.class);
    }

    /** {@code GET /transfers/quote}: the gas a transfer from {@code from} to {@code to} of this amount would use now. */
    public ProviderGasQuote quote(String from, String to, long amountMinor, String currency) {
        return read(call("quote", () -> http.get()
                .uri(uri -> uri.path("/transfers/quote").queryParam("from", "{from}").queryParam("to", "{to}")
                        .queryParam("amount", amountMinor).queryParam("currency", "{currency}")
                        .build(from, to, currency))
                .exchange((request, response) -> Response.of(response.getStatusCode().value(), response.getBody()))),
                ProviderGasQuote.class);
    }

    private Response call(String operation, Supplier<Response> exchange) {
        Supplier<Response> attempt = () -> timed(operation, exchange);
        Supplier<Response> resilient = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt));
        try {
            Response response = resilient.get();
            if (response.status() >= 400) {
                throw refusal(response);
            }
            return response;
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException("circuit breaker open: the provider failed too often", e);
        }
    }

    private Response timed(String operation, Supplier<Response> exchange) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            Response response = exchange.get();
            outcome = response.status() < 400 ? "success" : response.status() >= 500 || response.status() == 429
                    ? "server_error" : "client_error";
            if (outcome.equals("server_error")) {
                throw new ProviderUnavailableException("provider answered " + response.status() + " to " + operation);
            }
            return response;
        } catch (ResourceAccessException e) {
            outcome = "io_error";
            throw new ProviderUnavailableException(operation + " failed: " + e.getMessage(), e);
        } finally {
            sample.stop(Timer.builder("betting.provider.request.duration")
                    .description("One call to the wallet provider (each retry counts), by operation and outcome")
                    .tags("operation", operation, "outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    private static ProviderRefusedException refusal(Response response) {
        String code = "http_" + response.status();
        String detail = response.body();
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.hasNonNull("code")) {
                code = problem.get("code").asString();
            }
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asString();
            }
        } catch (RuntimeException e) {
            // not problem+json: keep the raw body as the detail
        }
        return new ProviderRefusedException(response.status(), code, detail);
    }

    private static <T> T read(Response response, Class<T> type) {
        return JSON.readValue(response.body(), type);
    }

    /** Parses a webhook body, which carries the transfer under {@code data}. */
    public static Webhook parseWebhook(byte[] body) {
        return JSON.readValue(body, Webhook.class);
    }

    /** A webhook event: {@code id} is the same on every retry and duplicate of one event. */
    public record Webhook(String id, String type, ProviderTransfer data) {
    }

    record Response(int status, String body) {

        static Response of(int status, java.io.InputStream body) throws java.io.IOException {
            return new Response(status, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
