package dev.p2pbet.loadtests;

import java.time.Duration;

/**
 * How big a run is. {@code smoke} only proves the harness works (seconds, counts checked, no timing targets);
 * {@code full} is issue 9's figures; {@code medium} sits between, for a shared machine; {@code large} is medium with
 * the issue's own accept race (10,000 offers) and five times the matched bets, made at about the rate two cores carry,
 * to see how the race and the settlement scale.
 *
 * @param name            smoke, medium, large or full
 * @param offerRate       offers per second of the constant-arrival-rate scenario
 * @param offerDuration   how long offers arrive at that rate
 * @param creators        users who make offers (each funded for every stake it may escrow)
 * @param raceOffers      offers of the accept race (N); each gets {@code acceptorsPerOffer} concurrent accepts
 * @param acceptorsPerOffer concurrent acceptors per race offer (the issue: 8)
 * @param matchedBets     matched bets on the settlement game (M), made through full life cycles
 * @param lifecycleRate   new life cycles per second while the M bets are made
 * @param relayRows       outbox rows of the relay probe
 * @param pgbenchDuration how long pgbench runs (16 clients)
 * @param producerRecords records of Kafka's producer performance tool (acks=all)
 * @param steadyRate      offers per second that the stack carries without queueing (warm-up, then measured)
 * @param steadyDuration  how long each of the two steady runs (warm-up, measured) lasts
 */
public record Sizes(String name, int offerRate, Duration offerDuration, int creators, int raceOffers,
                    int acceptorsPerOffer, int matchedBets, int lifecycleRate, int relayRows, Duration pgbenchDuration,
                    int producerRecords, int steadyRate, Duration steadyDuration) {

    public static Sizes named(String name) {
        // smoke: one creator with more offers than the default max-open-offers-per-user (20), so the load
        // environment that lifts it is checked too
        return switch (name) {
            case "smoke" -> new Sizes("smoke", 10, Duration.ofSeconds(3), 1, 5, 8, 10, 5, 500, Duration.ofSeconds(3),
                    2_000, 5, Duration.ofSeconds(2));
            case "medium" -> new Sizes("medium", 100, Duration.ofSeconds(20), 20, 200, 8, 1_000, 25, 20_000,
                    Duration.ofSeconds(10), 100_000, 10, Duration.ofSeconds(60));
            case "large" -> new Sizes("large", 100, Duration.ofSeconds(20), 20, 10_000, 8, 5_000, 15, 20_000,
                    Duration.ofSeconds(10), 100_000, 10, Duration.ofSeconds(60));
            case "full" -> new Sizes("full", 2_000, Duration.ofSeconds(60), 200, 10_000, 8, 100_000, 500, 100_000,
                    Duration.ofSeconds(30), 1_000_000, 10, Duration.ofSeconds(120));
            default -> throw new IllegalArgumentException("load-tests.size is smoke, medium, large or full, not " + name);
        };
    }

    /** How long offers keep arriving while the settlement runs (about the settlement target of 30 s at full size). */
    public Duration settlementWindow() {
        return switch (name) {
            case "smoke" -> Duration.ofSeconds(3);
            case "medium" -> Duration.ofSeconds(15);
            default -> Duration.ofSeconds(30);
        };
    }

    /**
     * The pause between two waves of the accept race. A race of a few hundred offers is one burst, which the in-flight
     * limit refuses in part and the acceptors' retries absorb. A race of thousands is paced at about the accepts two
     * cores answer (a wave of 20 offers, 160 accepts, a second; the ceilings measured are 180-290 accepts/s): injected
     * as one burst, tens of thousands of acceptors would wait on 503s and ask again every second, and the stack would
     * spend its CPU refusing them instead of answering the race.
     */
    public Duration raceWavePause() {
        return raceOffers <= 1_000 ? Duration.ofMillis(100) : Duration.ofSeconds(1);
    }

    /** Offers raced in one wave, each by {@code acceptorsPerOffer} acceptors at the same instant. */
    public int raceOffersPerWave() {
        return raceOffers <= 1_000 ? 25 : 20;
    }

    /** How long a wait for {@code count} asynchronous outcomes may take on a busy machine. */
    public Duration patience(long count) {
        return Duration.ofMinutes(5).plusSeconds(count / 50);
    }

    public int offers() {
        return (int) (offerRate * offerDuration.toSeconds());
    }

    /** Offers of one steady run (the warm-up and the measured run make as many each). */
    public int steadyOffers() {
        return (int) (steadyRate * steadyDuration.toSeconds());
    }

    /** Offers made while the provider refuses every transfer (the provider-outage scenario). */
    public int outageOffers() {
        return switch (name) {
            case "smoke" -> 10;
            case "full" -> 10_000;
            default -> 1_000;
        };
    }

    /**
     * The unmeasured offers before the steady run. The sizes that measure run the services on C2, the JVM's default
     * and production's, which compiles a method only after 5,000-15,000 calls: they make 12,000 offers first, at a
     * rate two cores carry while C2 compiles (docs/benchmarks.md, item 23). The smoke size only proves the harness:
     * the steady run's offers once, on C1.
     */
    WarmUp warmUp() {
        return smoke() ? new WarmUp(steadyRate, steadyDuration) : new WarmUp(30, Duration.ofSeconds(400));
    }

    /** The services on the C1 compiler only: the smoke size, whose few offers C2 would never compile. */
    boolean c1Only() {
        return smoke();
    }

    public boolean smoke() {
        return name.equals("smoke");
    }
}
