package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/** {@code POST /api/bets} at a constant arrival rate (open model): latency percentiles and errors. */
public class OfferCreationSimulation extends Simulation {

    static final String REQUEST = "POST /api/bets";

    {
        LoadRun run = LoadRun.current();
        setUp(offersAt("offer creation", REQUEST, run, run.offersGame, run.sizes.offerRate(),
                run.sizes.offerDuration()))
                .protocols(run.httpProtocol());
    }

    /** {@link #offers} arriving at {@code perSecond} for {@code duration} (open model: arrivals do not wait). */
    static PopulationBuilder offersAt(String name, String request, LoadRun run, String game, double perSecond,
                                      Duration duration) {
        return offers(name, request, run, game).injectOpen(constantUsersPerSec(perSecond).during(duration));
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
