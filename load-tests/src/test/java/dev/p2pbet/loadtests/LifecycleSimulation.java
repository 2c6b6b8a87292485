package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Full life cycles up to the match, at a constant arrival rate: A offers, waits for the event that the offer is open
 * (escrow confirmed), B accepts, and A's event stream brings the event that it is matched. The game's finish,
 * settlement and payouts are measured from the services' timestamps by {@link LoadHarness} once every bet is
 * matched.
 *
 * <p>The users wait on the server-sent events of {@code GET /api/bets/stream}, as the lobby does, not by polling
 * the API: polling every 250 ms made 2,000 reads a second at 500 life cycles in flight, and the reads, not the life
 * cycles, were the load (a medium run). Each creator holds one stream, as a client does ({@link UserEventStreams},
 * opened by the harness before the arrivals); a virtual user looks at what its creator's stream brought every
 * {@link #LOOK} without leaving Gatling's scheduler.
 */
public class LifecycleSimulation extends Simulation {

    /** How long a user waits for each status; the medium run's worst create -> matched was 140 s under CPU starvation. */
    private static final Duration STATUS_TIMEOUT = Duration.ofMinutes(3);
    /** How often a waiting user looks at its creator's stream (an in-memory look, no request). */
    private static final Duration LOOK = Duration.ofMillis(100);

    {
        LoadRun run = LoadRun.current();
        int bets = run.sizes.matchedBets();
        ScenarioBuilder lifecycles = scenario("full life cycle")
                .feed(Stream.iterate(0L, i -> i + 1).map(i -> Map.<String, Object>of(
                        "creatorAuth", run.bearer(run.users.creator(i)),
                        "acceptorAuth", run.bearer(run.users.acceptor(i)),
                        "key", PlatformApi.newKey())).iterator())
                .exec(http("offer").post("/api/bets")
                        .header("Authorization", "#{creatorAuth}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody(PlatformApi.offerJson(run.lifecycleGame)))
                        .asJson()
                        .check(status().is(202), jsonPath("$.betId").saveAs("betId")))
                .doIf(session -> !session.isFailed()).then(awaitStatus(run, "open", "rejected"))
                .doIf(session -> !session.isFailed() && "open".equals(session.getString("status"))).then(
                        exec(http("accept").post("/api/bets/#{betId}/accept")
                                .header("Authorization", "#{acceptorAuth}")
                                .check(status().is(202)))
                                .doIf(session -> !session.isFailed()).then(awaitStatus(run, "matched")));
        // exactly M users, arriving at a constant rate (a linear ramp of arrivals)
        double rate = run.sizes.lifecycleRate();
        setUp(lifecycles.injectOpen(rampUsers(bets).during(Duration.ofMillis((long) (bets * 1000 / rate)))))
                .protocols(run.httpProtocol());
    }

    /**
     * Waits until the creator's stream has brought an event of this bet with one of the {@code wanted} statuses (the
     * first is the one the life cycle goes on with). Should none come within the timeout, one read of the bet
     * decides (the API is the truth; the stream is a hint), and the harness counts the missed event.
     */
    private static ChainBuilder awaitStatus(LoadRun run, String... wanted) {
        List<String> statuses = List.of(wanted);
        return exec(session -> session.remove("status").set("waitingSince", System.nanoTime()))
                .asLongAs(session -> run.lifecycleStreams().seen(session.getString("betId"), statuses) == null
                        && System.nanoTime() - session.getLong("waitingSince") < STATUS_TIMEOUT.toNanos())
                .on(pause(LOOK))
                .exec(session -> {
                    String status = run.lifecycleStreams().seen(session.getString("betId"), statuses);
                    return status == null ? session : session.set("status", status);
                })
                .doIf(session -> !session.contains("status")).then(
                        exec(session -> {
                            run.countMissedEvent();
                            return session;
                        })
                        .exec(http("read after a missed " + wanted[0] + " event").get("/api/bets/#{betId}")
                                .header("Authorization", "#{creatorAuth}")
                                .check(status().is(200), jsonPath("$.status").saveAs("status")))
                                .exec(session -> statuses.contains(session.getString("status"))
                                        ? session.markAsSucceeded() : session.markAsFailed()));
    }
}
