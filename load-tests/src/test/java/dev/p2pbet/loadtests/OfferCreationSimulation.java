package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Map;
import java.util.stream.Stream;

/** {@code POST /api/bets} at a constant arrival rate (open model): latency percentiles and errors. */
public class OfferCreationSimulation extends Simulation {

    static final String REQUEST = "POST /api/bets";

    {
        LoadRun run = LoadRun.current();
        setUp(offers("offer creation", REQUEST, run)
                .injectOpen(constantUsersPerSec(run.sizes.offerRate()).during(run.sizes.offerDuration())))
                .protocols(run.httpProtocol());
    }

    /** Creators in turn offer on the offers game, each response time and status recorded under {@code request}. */
    static ScenarioBuilder offers(String name, String request, LoadRun run) {
        return offers(name, request, run, run.offersGame);
    }

    /** Creators in turn offer on {@code game}, each response time and status recorded under {@code request}. */
    static ScenarioBuilder offers(String name, String request, LoadRun run, String game) {
        return scenario(name)
                .feed(Stream.iterate(0L, i -> i + 1).map(i -> Map.<String, Object>of(
                        "creatorAuth", run.bearer(run.users.creator(i)), "key", PlatformApi.newKey())).iterator())
                .exec(http(request).post("/api/bets")
                        .header("Authorization", "#{creatorAuth}")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody(PlatformApi.offerJson(game)))
                        .asJson()
                        .check(responseTimeInMillis().saveAs(Latencies.RESPONSE_TIME),
                                status().saveAs(Latencies.STATUS), status().is(202)))
                .exec(session -> run.latencies.record(request, session, 202));
    }
}
