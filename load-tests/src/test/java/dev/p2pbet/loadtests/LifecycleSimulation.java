package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Full life cycles up to the match, at a constant arrival rate: A offers, waits until the offer is open (escrow
 * confirmed), B accepts, both wait until it is matched. The game's finish, settlement and payouts are measured from
 * the services' timestamps by {@link LoadHarness} once every bet is matched.
 */
public class LifecycleSimulation extends Simulation {

    /**
     * Every virtual user polls its bet while it waits: at 50 ms, 1,000 users in flight polled 20k times a second and
     * the polls, not the life cycles, were the load (a medium run). 250 ms keeps the polls a fraction of the traffic.
     */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** Polls per wait: two minutes. */
    private static final int MAX_POLLS = 480;

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
                .exitHereIfFailed()
                .exec(awaitStatus("open"))
                .exec(http("accept").post("/api/bets/#{betId}/accept")
                        .header("Authorization", "#{acceptorAuth}")
                        .check(status().is(202)))
                .exitHereIfFailed()
                .exec(awaitStatus("matched"));
        // exactly M users, arriving at a constant rate (a linear ramp of arrivals)
        double rate = run.sizes.lifecycleRate();
        setUp(lifecycles.injectOpen(rampUsers(bets).during(Duration.ofMillis((long) (bets * 1000 / rate)))))
                .protocols(run.httpProtocol());
    }

    private static ChainBuilder awaitStatus(String wanted) {
        return exec(session -> session.set("status", "").set("polls", 0))
                .exec(asLongAs(session -> !wanted.equals(session.getString("status"))
                        && !"rejected".equals(session.getString("status"))
                        && session.getInt("polls") < MAX_POLLS).on(
                        exec(http("poll until " + wanted).get("/api/bets/#{betId}")
                                .header("Authorization", "#{creatorAuth}")
                                .check(status().is(200), jsonPath("$.status").saveAs("status")))
                                .exec(session -> session.set("polls", session.getInt("polls") + 1))
                                .pause(POLL_INTERVAL)));
    }
}
