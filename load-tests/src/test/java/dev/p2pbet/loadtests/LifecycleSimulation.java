package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Full life cycles up to the match, at a constant arrival rate: A subscribes to its bet events, offers, waits for
 * the event that the offer is open (escrow confirmed), B accepts, and A's stream brings the event that it is matched.
 * The game's finish, settlement and payouts are measured from the services' timestamps by {@link LoadHarness} once
 * every bet is matched.
 *
 * <p>The users wait on the server-sent events of {@code GET /api/bets/stream}, as the lobby does, not by polling:
 * polling every 250 ms made 2,000 reads a second at 500 life cycles in flight, and the reads, not the life cycles,
 * were the load (a medium run). The stream is subscribed before the offer is posted, or the {@code open} event could
 * come before anyone listens; the creator's stream carries the {@code matched} event too (the bet involves it).
 */
public class LifecycleSimulation extends Simulation {

    private static final String STREAM = "bets";
    /** How long a user waits for the subscription, and for each status; the medium run's worst create -> matched was
     * 140 s under CPU starvation. */
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STATUS_TIMEOUT = Duration.ofMinutes(3);
    /** The status in a bet event's data as Gatling renders it ({@code \"status\":\"open\"}); not statusReason. */
    private static final String STATUS = "\\bstatus\\W+([a-z_]+)";
    /** Events kept while no check waits (between a response and the wait that follows it); newest kept. */
    private static final int UNMATCHED_BUFFER = 256;

    {
        LoadRun run = LoadRun.current();
        int bets = run.sizes.matchedBets();
        ScenarioBuilder lifecycles = scenario("full life cycle")
                .feed(Stream.iterate(0L, i -> i + 1).map(i -> Map.<String, Object>of(
                        "creatorAuth", run.bearer(run.users.creator(i)),
                        "acceptorAuth", run.bearer(run.users.acceptor(i)),
                        "key", PlatformApi.newKey())).iterator())
                .exec(sse("subscribe", STREAM).get("/api/bets/stream?lobby=false")
                        .header("Authorization", "#{creatorAuth}")
                        .header("Accept", "text/event-stream")
                        .await(SUBSCRIBE_TIMEOUT).on(sse.checkMessage("subscribed")
                                .check(jsonPath("$.event").is("subscribed"))))
                .exitHereIfFailed()
                .exec(http("offer").post("/api/bets")
                        .header("Authorization", "#{creatorAuth}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody(PlatformApi.offerJson(run.lifecycleGame)))
                        .asJson()
                        .check(status().is(202), jsonPath("$.betId").saveAs("betId")))
                .doIf(session -> !session.isFailed()).then(awaitStatus("open", "rejected"))
                .doIf(session -> !session.isFailed() && "open".equals(session.getString("status"))).then(
                        exec(http("accept").post("/api/bets/#{betId}/accept")
                                .header("Authorization", "#{acceptorAuth}")
                                .check(status().is(202)))
                                .doIf(session -> !session.isFailed()).then(awaitStatus("matched")))
                .exec(sse("close", STREAM).close());
        // exactly M users, arriving at a constant rate (a linear ramp of arrivals)
        double rate = run.sizes.lifecycleRate();
        setUp(lifecycles.injectOpen(rampUsers(bets).during(Duration.ofMillis((long) (bets * 1000 / rate)))))
                .protocols(run.httpProtocol().sseUnmatchedInboundMessageBufferSize(UNMATCHED_BUFFER));
    }

    /**
     * Waits on the stream for a {@code bet} event of this bet with one of the {@code wanted} statuses (the first is
     * the one the life cycle goes on with). An event that came between the previous response and this wait is in
     * Gatling's buffer of unmatched events, looked at first. Should the stream still miss it, one read of the bet
     * after the timeout decides (the API is the truth; the stream is a hint), and the missed event shows as a KO.
     */
    private static ChainBuilder awaitStatus(String... wanted) {
        List<String> statuses = List.of(wanted);
        return exec(session -> session.remove("status"))
                .exec(sse.processUnmatchedMessages(STREAM, (List<SseInboundMessage> messages, Session session) -> {
                    String status = BetEvents.lastWantedStatus(messages.stream().map(SseInboundMessage::message)
                            .toList(), session.getString("betId"), statuses);
                    return status == null ? session : session.set("status", status);
                }))
                .doIf(session -> !session.contains("status")).then(
                        exec(sse("await " + wanted[0], STREAM).setCheck().await(STATUS_TIMEOUT).on(
                                sse.checkMessage(wanted[0])
                                        .matching(jsonPath("$.event").is("bet"), jsonPath("$.id").isEL("#{betId}"),
                                                regex(STATUS).in(statuses))
                                        .check(regex(STATUS).saveAs("status")))))
                .doIf(session -> !session.contains("status")).then(
                        exec(http("read after a missed " + wanted[0] + " event").get("/api/bets/#{betId}")
                                .header("Authorization", "#{creatorAuth}")
                                .check(status().is(200), jsonPath("$.status").saveAs("status")))
                                .exec(session -> statuses.contains(session.getString("status"))
                                        ? session.markAsSucceeded() : session.markAsFailed()));
    }
}
