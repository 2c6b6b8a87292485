package dev.p2pbet.bet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.plumbing.security.DevTokens;
import dev.p2pbet.plumbing.testing.EventPlayer;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.schemas.wallet.TransferEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the integration tests share: the API over real HTTP with real tokens, the other services'
 * events played on the real topics, and topics read as an outside consumer reads them. Every test
 * uses its own game and users, so tests do not see each other's bets.
 */
@BetIntegrationTest
public abstract class BetIT {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EventPlayer player;

    @LocalServerPort
    protected int port;

    @Value("${p2pbet.security.dev-signing-secret}")
    String secret;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    AvroRecordSerializer serializer;

    private TopicProbe probe;

    @AfterAll
    static void disconnect() {
        if (player != null) {
            player.close();
            player = null;
        }
    }

    protected static String aUser(String name) {
        return name + "-" + UUID.randomUUID();
    }

    protected String token(String userId) {
        return DevTokens.mint(userId, secret, DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5));
    }

    // ---- the other services -------------------------------------------------------------------

    /** A game on the schedule, once the projection has it. */
    protected String aScheduledGame() {
        String gameId = "g-" + UUID.randomUUID();
        publish(OtherServices.gameScheduled(gameId));
        await().atMost(WAIT).until(() -> gameStatus(gameId).equals("scheduled"));
        return gameId;
    }

    protected void startGame(String gameId) {
        publish(OtherServices.gameStarted(gameId));
        await().atMost(WAIT).until(() -> gameStatus(gameId).equals("live"));
    }

    protected String gameStatus(String gameId) {
        return jdbc.sql("SELECT status FROM games WHERE game_id = ?").param(gameId).query(String.class)
                .optional().orElse("");
    }

    protected void publish(GameEvent event) {
        send(Topics.GAME_EVENTS, event.getGameId(), event);
    }

    protected void publish(TransferEvent event) {
        send(Topics.WALLET_TRANSFER_EVENTS, event.getTransferId(), event);
    }

    protected void publish(SettlementEvent event) {
        send(Topics.SETTLEMENT_EVENTS, event.getAggregateId(), event);
    }

    private void send(String topic, String key, SpecificRecord event) {
        player().send(topic, key, event);
    }

    private synchronized EventPlayer player() {
        if (player == null) {
            player = new EventPlayer(serializer);
        }
        return player;
    }

    // ---- the API ------------------------------------------------------------------------------

    protected HttpResponse<String> get(String path, String userId) {
        return send(request(path, userId).GET());
    }

    protected HttpResponse<String> post(String path, String json, String userId) {
        return send(request(path, userId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpResponse<String> post(String path, String json, String userId, String idempotencyKey) {
        return send(request(path, userId).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpRequest.Builder request(String path, String userId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (userId != null) {
            builder.header("Authorization", "Bearer " + token(userId));
        }
        return builder;
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** An offer of {@code stake} on the home team, as JSON. */
    protected static String homeWinOffer(String gameId, long stake) {
        return offer(gameId, "{\"type\":\"GAME_WINNER\",\"side\":\"HOME\"}", stake);
    }

    protected static String offer(String gameId, String selection, long stake) {
        return "{\"gameId\":\"" + gameId + "\",\"selection\":" + selection + ",\"stakeMinor\":" + stake + "}";
    }

    /** Creates an offer and answers its bet id. */
    protected String createOffer(String userId, String gameId, long stake) {
        HttpResponse<String> created = post("/api/bets", homeWinOffer(gameId, stake), userId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return json(created).path("betId").asString();
    }

    /** An offer whose creator's stake is confirmed in escrow. */
    protected String anOpenOffer(String creator, String gameId, long stake) {
        String betId = createOffer(creator, gameId, stake);
        publish(OtherServices.escrowConfirmed(betId, betId + ":escrow-creator", creator, stake, 12));
        awaitStatus(betId, "open");
        return betId;
    }

    /** A matched bet: the acceptor's stake is confirmed too. */
    protected String aMatchedBet(String creator, String acceptor, String gameId, long stake) {
        String betId = anOpenOffer(creator, gameId, stake);
        HttpResponse<String> accepted = post("/api/bets/" + betId + "/accept", "", acceptor);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        publish(OtherServices.escrowConfirmed(betId, betId + ":escrow-acceptor:1", acceptor, stake, 9));
        awaitStatus(betId, "matched");
        return betId;
    }

    protected JsonNode bet(String betId) {
        HttpResponse<String> response = get("/api/bets/" + betId, "reader");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    protected JsonNode awaitStatus(String betId, String status) {
        await().atMost(WAIT).until(() -> bet(betId).path("status").asString().equals(status));
        return bet(betId);
    }

    // ---- the topics ---------------------------------------------------------------------------

    protected synchronized TopicProbe probe() {
        if (probe == null) {
            probe = TopicProbe.onRealInfrastructure();
        }
        return probe;
    }

    /** The decoded values of {@code topic} whose key matches, in order (see {@link TopicProbe#decodedWhere}). */
    protected <T> List<T> recordsWhere(String topic, Predicate<String> key, int expected) {
        return probe().decodedWhere(topic, key, expected, WAIT);
    }

    protected <T> List<T> recordsUnder(String topic, String key, int expected) {
        return recordsWhere(topic, key::equals, expected);
    }

    /** The payloads of the bet's events on bet.events, in order. */
    protected List<Object> betEvents(String betId, int expected) {
        return this.<dev.p2pbet.schemas.bet.BetEvent>recordsUnder(Topics.BET_EVENTS, betId, expected).stream()
                .map(dev.p2pbet.schemas.bet.BetEvent::getPayload).toList();
    }

    /** Waits until a consumer of this service has applied (or skipped as a duplicate) the event. */
    protected void awaitConsumed(UUID eventId) {
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM inbox_record WHERE event_id = ?")
                .param(eventId.toString()).query(Long.class).single() > 0);
    }

    protected long rowsOf(String creatorId) {
        return jdbc.sql("SELECT count(*) FROM bets WHERE creator_id = ?").param(creatorId).query(Long.class).single();
    }
}
