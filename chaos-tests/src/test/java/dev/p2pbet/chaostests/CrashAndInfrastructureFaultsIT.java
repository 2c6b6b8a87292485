package dev.p2pbet.chaostests;

import static dev.p2pbet.systemtests.support.SystemUnderTest.BET_SERVICE;
import static dev.p2pbet.systemtests.support.SystemUnderTest.SETTLEMENT;
import static dev.p2pbet.systemtests.support.SystemUnderTest.STATS;
import static dev.p2pbet.systemtests.support.SystemUnderTest.WALLET_GATEWAY;
import static dev.p2pbet.systemtests.support.SystemUnderTest.WALLET_SIMULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.chaostests.Scenario.Injection;
import dev.p2pbet.chaostests.Scenario.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 10 item 1: services killed with -9 (the gateway also between a provider call and its commit), the broker
 * and the database restarted, settlement's consumer groups rebalanced, each while real bets are in flight; after
 * every round the money invariants of DESIGN.md section 3 hold to the cent, every bet is final within
 * {@link Round#ALL_FINAL} of the last fault, and no bet is paid twice. {@code -Dchaos.size=short} (the default, in
 * {@code ./mvnw verify}) lands each fault once in a small round; {@code long} ({@code ./platform chaos}) lands
 * each at every phase of a bigger round ({@code -Dchaos.repeats=N} plays every round N times). The figures go
 * to {@code target/reliability/chaos.md}.
 */
class CrashAndInfrastructureFaultsIT {

    private static final Logger log = LoggerFactory.getLogger(CrashAndInfrastructureFaultsIT.class);
    private static final boolean LONG = System.getProperty("chaos.size", "short").equals("long");
    private static final long SEED = Long.getLong("chaos.seed", 20_261_125L);
    private static final Round.Size SIZE = LONG ? new Round.Size(12, 40) : new Round.Size(6, 12);
    private static final int REPEATS = Integer.getInteger("chaos.repeats", 1);
    /** Only the scenarios whose name contains this (e.g. {@code -Dchaos.only=Kafka}); all when blank. */
    private static final String ONLY = System.getProperty("chaos.only", "");

    private static ChaosPlatform platform;
    private static ReliabilityTable table;
    private static long began;
    private static final List<String> broken = new ArrayList<>();

    @BeforeAll
    static void startThePlatform() {
        began = System.nanoTime();
        Path root = Path.of(System.getProperty("chaos.project-root", "..")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("chaos.state-dir", "target/platform")).toAbsolutePath();
        platform = ChaosPlatform.start(root, state);
        table = new ReliabilityTable("Crash and infrastructure faults (" + (LONG ? "long" : "short") + " form)");
        log.info("Chaos: platform up in {} s", Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_fault_during_real_bets_leaves_the_books_exact_and_every_bet_final() {
        List<Supplier<Scenario>> scenarios = LONG ? longForm() : shortForm();
        List<DynamicTest> rounds = new ArrayList<>();
        long seed = SEED;
        for (int repeat = 1; repeat <= REPEATS; repeat++) {
            for (Supplier<Scenario> scenario : scenarios) {
                long roundSeed = seed++;
                Scenario planned = scenario.get();
                if (!planned.name().contains(ONLY)) {
                    continue;
                }
                rounds.add(DynamicTest.dynamicTest(planned.name() + " #" + repeat, () -> play(planned, roundSeed)));
            }
        }
        return rounds.stream();
    }

    /**
     * Each fault once, where it hurts most, in three rounds to fit CI's budget: the crashes of the services (the
     * three that hold settlement's work killed together), the gateway's crash point and a rebalance, then the
     * infrastructure restarts. The long form gives each fault a round of its own.
     */
    private static List<Supplier<Scenario>> shortForm() {
        Duration down = Duration.ofSeconds(5);
        return List.of(
                () -> new Scenario("kill -9: gateway (escrows), bet-service (acceptances), settlement + simulator + "
                        + "stats (settlement)", List.of(
                        new Injection(Fault.kill(WALLET_GATEWAY), Phase.AFTER_OFFERS),
                        new Injection(Fault.kill(BET_SERVICE), Phase.AFTER_ACCEPTS),
                        new Injection(Fault.kill(SETTLEMENT), Phase.AFTER_RESULTS),
                        new Injection(Fault.kill(WALLET_SIMULATOR), Phase.AFTER_RESULTS),
                        new Injection(Fault.kill(STATS), Phase.AFTER_RESULTS))),
                () -> new Scenario("gateway halts between provider call and commit (acceptances), settlement "
                        + "rebalance (settlement)", List.of(
                        new Injection(Fault.gatewayCrashAfterProviderCall(), Phase.AFTER_ACCEPTS),
                        new Injection(Fault.settlementRebalance(), Phase.AFTER_RESULTS))),
                () -> new Scenario("PostgreSQL restart (acceptances), Kafka broker restart (settlement), "
                        + down.toSeconds() + " s down each", List.of(
                        new Injection(Fault.restartPostgres(down), Phase.AFTER_ACCEPTS),
                        new Injection(Fault.restartKafka(down), Phase.AFTER_RESULTS))));
    }

    /** Every fault at every phase of a round (three kills of the same service per round), bigger rounds. */
    private static List<Supplier<Scenario>> longForm() {
        Duration down = Duration.ofSeconds(10);
        Phase[] every = Phase.values();
        return List.of(
                () -> Scenario.of(Fault.kill(WALLET_GATEWAY), every),
                () -> Scenario.of(Fault.gatewayCrashAfterProviderCall(), every),
                () -> Scenario.of(Fault.kill(BET_SERVICE), every),
                () -> Scenario.of(Fault.restartPostgres(down), every),
                () -> Scenario.of(Fault.kill(SETTLEMENT), every),
                () -> Scenario.of(Fault.settlementRebalance(), Phase.AFTER_RESULTS),
                () -> Scenario.of(Fault.settlementJoinsMidSettlement(), Phase.AFTER_RESULTS),
                () -> Scenario.of(Fault.kill(WALLET_SIMULATOR), every),
                () -> Scenario.of(Fault.restartKafka(down), every),
                () -> Scenario.of(Fault.kill(STATS), every));
    }

    private static void play(Scenario scenario, long seed) throws Exception {
        Path file = Path.of(System.getProperty("chaos.results-dir", "target/reliability")).resolve("chaos.md");
        try {
            Round.Result result = new Round(platform, SIZE, seed).play(scenario);
            table.add(result);
            result.problems().forEach(problem -> broken.add(scenario.name() + ": " + problem));
            assertThat(result.problems()).as("what broke in round '" + scenario.name() + "' (seed " + seed + ")")
                    .isEmpty();
            assertThat(result.moneyLost()).as("money lost").isZero();
            assertThat(result.moneyCreated()).as("money created").isZero();
            assertThat(result.stuckBets()).as("bets stuck").isZero();
            assertThat(result.paidTwice()).as("bets paid twice").isEmpty();
        } catch (Exception | AssertionError e) {
            if (!broken.stream().anyMatch(b -> b.startsWith(scenario.name() + ":"))) {
                table.failed(scenario.name(), e);
            }
            throw e;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            table.write(file, took);
            System.out.println(table.markdown(took));
        }
    }
}
