package dev.p2pbet.loadtests;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the Gatling simulations of a run need, handed over in this JVM: Gatling instantiates simulations itself
 * (no-arg constructors), so the run publishes its stack's address, users and fixtures here before each one.
 */
public final class LoadRun {

    private static volatile LoadRun current;

    final String apiUrl;
    final Sizes sizes;
    /** The unmeasured offers before the steady run. */
    final WarmUp warmUp;
    final Users users;
    final PlatformApi api;
    final String offersGame;
    final String raceGame;
    final String lifecycleGame;
    /** The game of the warm-up and of the offers at a steady rate, apart from the offer scenario's counts. */
    final String steadyGame;
    /** The game of the offers made during the provider outage. */
    final String outageGame;
    /** The accept race's offers, created and open before the race starts. */
    volatile List<String> raceOffers = List.of();
    /** Answers of the accept race by HTTP status. */
    final Map<Integer, LongAdder> raceAnswers = new ConcurrentHashMap<>();
    /** 503 SERVICE_BUSY answers of the accept race, each asked again after its Retry-After. */
    private final LongAdder raceBusyAnswers = new LongAdder();
    /** Response times of the timed requests. */
    final Latencies latencies = new Latencies();
    /** The life-cycle creators' event streams, open while the life cycles run. */
    private volatile UserEventStreams lifecycleStreams;
    /** Life-cycle waits whose event never came (a read of the bet decided instead). */
    private final LongAdder missedEvents = new LongAdder();

    LoadRun(String apiUrl, Sizes sizes, WarmUp warmUp, Users users, PlatformApi api, String runId) {
        this.apiUrl = apiUrl;
        this.sizes = sizes;
        this.warmUp = warmUp;
        this.users = users;
        this.api = api;
        this.offersGame = "lt-" + runId + "-offers";
        this.raceGame = "lt-" + runId + "-race";
        this.lifecycleGame = "lt-" + runId + "-settle";
        this.steadyGame = "lt-" + runId + "-steady";
        this.outageGame = "lt-" + runId + "-outage";
    }

    static LoadRun current() {
        LoadRun run = current;
        if (run == null) {
            throw new IllegalStateException("no load run in this JVM: the simulations run from LoadHarness");
        }
        return run;
    }

    static void publish(LoadRun run) {
        current = run;
    }

    /** One connection pool shared by every virtual user: the entry point sees clients that keep connections. */
    io.gatling.javaapi.http.HttpProtocolBuilder httpProtocol() {
        return io.gatling.javaapi.http.HttpDsl.http.baseUrl(apiUrl).acceptHeader("application/json").shareConnections();
    }

    String bearer(String user) {
        return "Bearer " + api.token(user);
    }

    UserEventStreams lifecycleStreams() {
        UserEventStreams streams = lifecycleStreams;
        if (streams == null) {
            throw new IllegalStateException("the life cycles' event streams are not open");
        }
        return streams;
    }

    void lifecycleStreams(UserEventStreams streams) {
        lifecycleStreams = streams;
    }

    void countMissedEvent() {
        missedEvents.increment();
    }

    long missedEvents() {
        return missedEvents.sum();
    }

    void countRaceAnswer(int status) {
        raceAnswers.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    long raceAnswers(int status) {
        LongAdder adder = raceAnswers.get(status);
        return adder == null ? 0 : adder.sum();
    }

    void countRaceBusyAnswer() {
        raceBusyAnswers.increment();
    }

    long raceBusyAnswers() {
        return raceBusyAnswers.sum();
    }
}
