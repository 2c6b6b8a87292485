package dev.p2pbet.systemtests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p2pbet.systemtests.clients.Bet;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Sandbox;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.BetScenarios;
import dev.p2pbet.systemtests.support.Locks;
import dev.p2pbet.systemtests.support.Platform;
import dev.p2pbet.systemtests.support.SystemUnderTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At least 100 000 malformed and boundary requests across every endpoint (through the entry point and the services'
 * own ports) are refused with a problem+json 4xx, none is a 5xx, and none writes anything: every row of every table
 * and every provider balance is the same afterwards.
 *
 * <p>{@code -Dfuzz.requests=} sets the count (the long form: 1000000), {@code -Dfuzz.seed=} repeats a run,
 * {@code -Dfuzz.concurrency=} the requests in flight, {@code -Dfuzz.budget=PT12M} the time after which no more
 * are sent and the run fails (12 minutes per 100,000 unless set), {@code -Dfuzz.replay=12,345} sends only those
 * requests of the seed and prints their answers. The figures go to {@code target/reliability/fuzz.md}.
 */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ_WRITE)
class MalformedRequestsFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestsFuzzIT.class);
    private static final Path REPORT = Path.of("target", "reliability", "fuzz.md");

    private static Platform platform;
    private static SystemUnderTest sut;
    private static FuzzFixtures fixtures;
    private static User creator;

    @BeforeAll
    static void aPlatformWithAnOpenOffer() {
        platform = Platform.shared();
        sut = platform.sut();
        assumeTrue(sut.controlsProcesses(), "the fuzzer needs the platform the tests start: its entry point and "
                + "its databases");
        creator = platform.users().signUp("fuzz-creator", 100_000);
        User stranger = platform.users().signUp("fuzz-stranger", 0);
        // days ahead: the game must not start (a write of its own) during a long run
        Game game = platform.games().schedule("fuzz", Instant.now().plus(Duration.ofDays(3)));
        Bet open = new BetScenarios(platform).anOpenOffer(creator, game, Selection.gameWinner("HOME"), 1_000);
        fixtures = new FuzzFixtures(creator.id(), creator.token(), creator.wallet(), stranger.id(), stranger.token(),
                stranger.wallet(), sut.mintToken("fuzz-admin", "admin"),
                sut.mintToken("fuzz-nobody-" + UUID.randomUUID()), game.gameId(), game.homePlayers().getFirst(),
                open.betId(), sut.cognitoHookKey());
    }

    /**
     * The open offer's stake is in the vault: it is withdrawn and refunded, so the tests that check the vault is
     * empty once their bets are settled (the randomized runs) find only their own money there.
     */
    @AfterAll
    static void theOpenOfferIsWithdrawnAndRefunded() {
        if (fixtures == null) {
            return;
        }
        platform.bets().withdraw(creator, fixtures.openBetId()).expect(202, "the fuzz creator withdraws");
        platform.bets().awaitStatus(fixtures.openBetId(), Duration.ofMinutes(3), "refunded");
    }

    @Test
    @Timeout(value = 3, unit = java.util.concurrent.TimeUnit.HOURS)
    void malformed_requests_are_refused_as_problem_json_without_a_5xx_and_write_nothing() {
        long seed = Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
        long requests = Long.getLong("fuzz.requests", 100_000);
        int concurrency = Integer.getInteger("fuzz.concurrency", 32);
        Duration budget = Duration.parse(System.getProperty("fuzz.budget", defaultBudget(requests).toString()));
        RequestGenerator generator = new RequestGenerator(seed, fixtures);
        FuzzRunner runner = new FuzzRunner(targets());
        log.info("Fuzz seed {} (repeat with -Dfuzz.seed={}), {} requests, {} concurrent, within {}", seed, seed,
                requests, concurrency, budget);

        String replay = System.getProperty("fuzz.replay", "");
        if (!replay.isBlank()) {
            replay(runner, generator, replay);
            return;
        }

        TableChecksums checksums = new TableChecksums(sut);
        TableChecksums.Snapshot before = checksums.settled(Duration.ofMinutes(2), Duration.ofSeconds(3));
        Sandbox.Balances balancesBefore = platform.sandbox().balances();
        long began = System.nanoTime();

        Tally tally = runner.run(requests, concurrency, budget, generator::generate);

        Duration took = Duration.ofNanos(System.nanoTime() - began);
        TableChecksums.Snapshot after = checksums.settled(Duration.ofMinutes(2), Duration.ofSeconds(3));
        Sandbox.Balances balancesAfter = platform.sandbox().balances();
        List<String> accountsChanged = new ArrayList<>();
        balancesAfter.byAccount().forEach((account, balance) -> {
            if (!balance.equals(balancesBefore.byAccount().get(account))) {
                accountsChanged.add(account + ": " + balancesBefore.byAccount().get(account) + " -> " + balance);
            }
        });
        FuzzReport report = new FuzzReport(seed, concurrency, tally, took, before.tables().size(), before.rows(),
                after.changedSince(before), balancesAfter.total() - balancesBefore.total(), accountsChanged);
        String markdown = report.markdown();
        log.info("Fuzz figures (seed {}):\n{}", seed, markdown);
        report.write(REPORT);

        assertThat(tally.sent()).as(() -> "requests answered within the budget of " + budget + " (the slowest "
                + "part held the run up):" + stallReport(runner, tally)).isEqualTo(requests);
        assertThat(tally.failures()).as("findings of seed " + seed + " (see " + REPORT.toAbsolutePath() + ")")
                .isEmpty();
        assertThat(after.changedSince(before)).as("tables written by refused requests").isEmpty();
        assertThat(accountsChanged).as("provider balances changed").isEmpty();
        assertThat(balancesAfter.total()).as("sum of the provider's balances").isEqualTo(balancesBefore.total());
    }

    /**
     * 100,000 requests take 3-4 minutes on 2 cores (300-500 a second): a run that needs more than 12 minutes per
     * 100,000 has a platform answering too slowly, and CI must hear it from this test, not from its own time limit.
     */
    private static Duration defaultBudget(long requests) {
        return Duration.ofMinutes(Math.max(2, Math.ceilDiv(requests * 12, 100_000)));
    }

    private static String stallReport(FuzzRunner runner, Tally tally) {
        Map<String, URI> services = new LinkedHashMap<>(targets());
        services.remove(FuzzRequest.ENTRY_POINT);
        return StallReport.describe(tally, targets(), services, runner.vitals(), module -> sut.process(module).pid());
    }

    private static Map<String, URI> targets() {
        Map<String, URI> targets = new LinkedHashMap<>();
        targets.put(FuzzRequest.ENTRY_POINT, sut.api("/api/bets"));
        for (String module : List.of(SystemUnderTest.BET_SERVICE, SystemUnderTest.WALLET_GATEWAY,
                SystemUnderTest.SETTLEMENT, SystemUnderTest.STATS)) {
            targets.put(module, sut.serviceUrl(module));
        }
        return targets;
    }

    private static void replay(FuzzRunner runner, RequestGenerator generator, String indexes) {
        for (long index : Arrays.stream(indexes.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray()) {
            FuzzRequest request = generator.generate(index);
            FuzzRunner.Answer answer = runner.send(request);
            log.info("Replay:\n{}-> {} {} {}\n{}", runner.describe(request), answer.status(), answer.contentType(),
                    answer.outcome(), answer.body());
        }
    }
}
