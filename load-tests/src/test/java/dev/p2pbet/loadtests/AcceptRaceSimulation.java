package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accept race: every open offer gets {@code acceptorsPerOffer} accepts injected at the same instant, by different
 * users; exactly one per offer may win (202), the others must get 409. Offers are raced in waves every 100 ms.
 */
public class AcceptRaceSimulation extends Simulation {

    static final String REQUEST = "POST /api/bets/{id}/accept";
    static final int OFFERS_PER_WAVE = 25;

    {
        LoadRun run = LoadRun.current();
        int acceptors = run.sizes.acceptorsPerOffer();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int offer = 0; offer < run.raceOffers.size(); offer++) {
            for (int a = 0; a < acceptors; a++) {
                records.add(Map.of("betId", run.raceOffers.get(offer),
                        "acceptorAuth", run.bearer(run.users.acceptor((long) offer * acceptors + a))));
            }
        }
        ScenarioBuilder race = scenario("accept race")
                .feed(records.iterator())
                .exec(http(REQUEST).post("/api/bets/#{betId}/accept")
                        .header("Authorization", "#{acceptorAuth}")
                        .check(responseTimeInMillis().saveAs(Latencies.RESPONSE_TIME),
                                status().saveAs(Latencies.STATUS), status().in(202, 409)))
                .exec(session -> {
                    if (session.contains(Latencies.STATUS)) {
                        run.countRaceAnswer(session.getInt(Latencies.STATUS));
                    }
                    return run.latencies.record(REQUEST, session, 202, 409);
                });
        List<OpenInjectionStep> waves = new ArrayList<>();
        for (int offer = 0; offer < run.raceOffers.size(); offer += OFFERS_PER_WAVE) {
            int inWave = Math.min(OFFERS_PER_WAVE, run.raceOffers.size() - offer);
            waves.add(atOnceUsers(inWave * acceptors));
            waves.add(nothingFor(Duration.ofMillis(100)));
        }
        setUp(race.injectOpen(waves)).protocols(run.httpProtocol());
    }
}
