package dev.p2pbet.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accept race: every open offer gets {@code acceptorsPerOffer} accepts injected at the same instant, by different
 * users; exactly one per offer may win (202), the others must get 409. Offers are raced in waves
 * ({@link Sizes#raceWavePause()}).
 *
 * <p>The waves ask for more accepts a second than two cores answer, so bet-service refuses some with 503
 * {@code SERVICE_BUSY} and {@code Retry-After}, nothing done. An acceptor does what a client of the API does with
 * that answer: waits the time it was given and asks again. Its response time is the user's, from the first ask to
 * the final answer; the refusals are counted apart. Without the retry an offer whose every acceptor was refused stayed
 * open, and "exactly N matches" measured the overload instead of the race.
 */
public class AcceptRaceSimulation extends Simulation {

    static final String REQUEST = "POST /api/bets/{id}/accept";
    /** Enough for the backlog of a full-size race to drain at a few hundred accepts a second. */
    static final int MAX_ATTEMPTS = 600;

    private static final String STARTED = "acceptStartedNanos";
    private static final String ATTEMPTS = "acceptAttempts";
    private static final String RETRY_AFTER = "retryAfterSeconds";

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
                .exec(session -> session.set(STARTED, System.nanoTime()).set(ATTEMPTS, 0))
                .asLongAs(AcceptRaceSimulation::asksAgain).on(
                        exec(session -> session.remove(Latencies.STATUS))
                        .exec(http(REQUEST).post("/api/bets/#{betId}/accept")
                                .header("Authorization", "#{acceptorAuth}")
                                .check(status().saveAs(Latencies.STATUS), status().in(202, 409, 503),
                                        header("Retry-After").optional().saveAs(RETRY_AFTER)))
                        .exec(session -> session.set(ATTEMPTS, session.getInt(ATTEMPTS) + 1))
                        .doIf(AcceptRaceSimulation::asksAgain).then(
                                exec(session -> {
                                    if (refusedAsBusy(session)) {
                                        run.countRaceBusyAnswer();
                                    }
                                    return session;
                                }).pause(AcceptRaceSimulation::retryAfter)))
                .exec(session -> {
                    if (session.contains(Latencies.STATUS)) {
                        run.countRaceAnswer(session.getInt(Latencies.STATUS));
                    }
                    long elapsedMillis = (System.nanoTime() - session.getLong(STARTED)) / 1_000_000;
                    return run.latencies.record(REQUEST, session.set(Latencies.RESPONSE_TIME, (int) elapsedMillis),
                            202, 409);
                });
        List<OpenInjectionStep> waves = new ArrayList<>();
        int perWave = run.sizes.raceOffersPerWave();
        for (int offer = 0; offer < run.raceOffers.size(); offer += perWave) {
            int inWave = Math.min(perWave, run.raceOffers.size() - offer);
            waves.add(atOnceUsers(inWave * acceptors));
            waves.add(nothingFor(run.sizes.raceWavePause()));
        }
        setUp(race.injectOpen(waves)).protocols(run.httpProtocol());
    }

    /** Until an answer other than busy, or until the attempts are spent; a transport error leaves no status. */
    private static boolean asksAgain(Session session) {
        boolean answered = session.contains(Latencies.STATUS) && !refusedAsBusy(session);
        return !answered && session.getInt(ATTEMPTS) < MAX_ATTEMPTS;
    }

    private static boolean refusedAsBusy(Session session) {
        return session.contains(Latencies.STATUS) && session.getInt(Latencies.STATUS) == 503;
    }

    private static Duration retryAfter(Session session) {
        String seconds = session.contains(RETRY_AFTER) ? session.getString(RETRY_AFTER) : null;
        try {
            return Duration.ofSeconds(seconds == null ? 1 : Math.max(1, Long.parseLong(seconds.trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }
}
