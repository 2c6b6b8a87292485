package dev.p2pbet.settlement;

import static org.awaitility.Awaitility.await;

import dev.p2pbet.plumbing.kafka.AvroRecordSerializer;
import dev.p2pbet.plumbing.security.DevTokens;
import dev.p2pbet.plumbing.testing.EventPlayer;
import dev.p2pbet.plumbing.testing.TopicProbe;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.bet.Selection;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.settlement.SettlementEvent;
import dev.p2pbet.schemas.topics.Topics;
import dev.p2pbet.settlement.support.FakeGateway;
import dev.p2pbet.settlement.support.OtherServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the integration tests share: bet-service's and stats-service's events played on the real
 * topics, the wallet gateway played by {@link FakeGateway}, topics read as an outside consumer reads
 * them, and the admin API over real HTTP with real tokens. Every test uses its own game and users.
 */
@SettlementIntegrationTest
public abstract class SettlementIT {

    protected static final Duration WAIT = Duration.ofSeconds(60);
    protected static final long CREATOR_GAS = 12;
    protected static final long ACCEPTOR_GAS = 9;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
    protected FakeGateway gateway;

    @BeforeEach
    void gatewayUp() {
        gateway = FakeGateway.start(serializer, probe());
        gateway.tamper(0);
        gateway.gasQuote(FakeGateway.DEFAULT_GAS_QUOTE);
        gateway.answerAudits(true);
        gateway.deliverTwice(false);
        gateway.holdTransfers(false);
    }

    protected static String aGame() {
        return "g-" + UUID.randomUUID();
    }

    protected static String aUser(String name) {
        return name + "-" + UUID.randomUUID();
    }

    protected static String aBetId() {
        return "b-" + UUID.randomUUID();
    }

    // ---- the other services -------------------------------------------------------------------

    /** A matched bet: both stakes confirmed in the vault, as bet-service reports them. */
    protected String aMatchedBet(String gameId, String creator, String acceptor, Selection selection, long stake) {
        String betId = aBetId();
        publish(OtherServices.betCreated(betId, gameId, creator, selection, stake));
        gateway.escrowIn(stake);
        publish(OtherServices.betOpened(betId, CREATOR_GAS));
        gateway.escrowIn(stake);
        publish(OtherServices.betMatched(betId, acceptor, ACCEPTOR_GAS));
        awaitProjection(betId, "matched");
        return betId;
    }

    /** An open offer: the creator's stake confirmed in the vault. */
    protected String anOpenOffer(String gameId, String creator, Selection selection, long stake) {
        String betId = aBetId();
        publish(OtherServices.betCreated(betId, gameId, creator, selection, stake));
        gateway.escrowIn(stake);
        publish(OtherServices.betOpened(betId, CREATOR_GAS));
        awaitProjection(betId, "open");
        return betId;
    }

    protected void awaitProjection(String betId, String status) {
        await().atMost(WAIT).until(() -> status.equals(jdbc.sql("SELECT status FROM escrowed_bets WHERE bet_id = ?")
                .param(betId).query(String.class).optional().orElse("")));
    }

    protected String settlementStatus(String betId) {
        return jdbc.sql("SELECT status FROM settlements WHERE bet_id = ?").param(betId).query(String.class)
                .optional().orElse("");
    }

    protected void awaitSettlement(String betId, String status) {
        await().atMost(WAIT).until(() -> settlementStatus(betId).equals(status));
    }

    protected void publish(BetEvent event) {
        send(Topics.BET_EVENTS, event.getBetId(), event);
    }

    protected void publish(GameEvent event) {
        send(Topics.GAME_EVENTS, event.getGameId(), event);
    }

    protected void send(String topic, String key, SpecificRecord event) {
        player().send(topic, key, event);
    }

    /** Sends without waiting; {@link #flush()} waits for every acknowledgement. */
    protected void sendAsync(String topic, String key, SpecificRecord event) {
        player().sendAsync(topic, key, event);
    }

    protected void flush() {
        player().flush();
    }

    private synchronized EventPlayer player() {
        if (player == null) {
            player = new EventPlayer(serializer);
        }
        return player;
    }

    // ---- the admin API ------------------------------------------------------------------------

    protected HttpResponse<String> admin(String method, String path, List<String> groups) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + DevTokens.mint("ops-" + UUID.randomUUID(), secret,
                        DevTokens.DEFAULT_ISSUER, Duration.ofMinutes(5), groups))
                .method(method, HttpRequest.BodyPublishers.noBody());
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    /** The payloads published on settlement.events under this bet (or audit) id, in order. */
    protected List<Object> settlementEvents(String aggregateId, int expected) {
        return this.<SettlementEvent>recordsWhere(Topics.SETTLEMENT_EVENTS, aggregateId::equals, expected).stream()
                .map(SettlementEvent::getPayload).toList();
    }
}
