package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.PlatformStack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run: the stack tuned for load, the raw baselines, every Gatling scenario, the figures read from the
 * services' own timestamps, and the result tables. The smoke size checks counts only; no timing is judged there.
 */
final class LoadHarness {

    private static final Logger log = LoggerFactory.getLogger(LoadHarness.class);
    private static final long TEST_JVM_PID = ProcessHandle.current().pid();
    /** The gateway's {@code p2pbet.wallet.reconciler.requested-after} (its default), which the outage's figures wait out. */
    private static final Duration RECONCILER_REQUESTED_AFTER = Duration.ofSeconds(30);

    /** What a run measured and counted; the smoke test asserts the counts. */
    record Outcome(ResultTable table, String markdown, long offersAccepted, long offersCreated, long offersOpen,
                   long raceOffers, long raceMatched, long race202, long race409, long raceOther,
                   long lifecycleBets, long lifecycleMatched, long lifecycleSettled, long lifecyclePaid,
                   long relayRows, long outageOffers, long outageOpen) {
    }

    private final Path projectRoot;
    private final Path stateDir;
    private final Path resultsDir;
    private final Sizes sizes;
    private final WarmUp warmUp;
    private final ServiceProfiles profiles;

    LoadHarness(Path projectRoot, Path stateDir, Path resultsDir, Sizes sizes) {
        this.projectRoot = projectRoot;
        this.stateDir = stateDir;
        this.resultsDir = resultsDir;
        this.sizes = sizes;
        this.warmUp = WarmUp.fromSystemProperties(sizes);
        this.profiles = new ServiceProfiles(resultsDir.resolve("profiles"), sizes.c1Only(),
                System.getProperty("load-tests.service-jvm-options", ""));
    }

    /** The environment that tunes the services for load (the simulator's network is tuned through its sandbox API). */
    static Map<String, Map<String, String>> loadEnvironment() {
        return Map.of(
                // a few users make every offer of the run: the per-user limits would measure themselves
                "bet-service", Map.of("P2PBET_BET_MAX_OPEN_OFFERS_PER_USER", "1000000",
                        "P2PBET_RATELIMITS_ENABLED", "false"),
                // the provider's network: no confirmation delay (also set through the sandbox API); its pollers keep
                // their 100 ms, as a submission or a settlement wakes the one that takes it on at its commit
                "wallet-simulator", Map.of("WALLET_SIMULATOR_TRANSFERS_CONFIRMATION_DELAY", "0ms"),
                "settlement-service", Map.of("P2PBET_SETTLEMENT_POLL_INTERVAL", "PT1S"),
                "wallet-gateway-service", Map.of("P2PBET_WALLET_RECONCILER_REQUESTEDAFTER",
                        RECONCILER_REQUESTED_AFTER.toSeconds() + "s"));
    }

    /** This JVM's own {@code -X} options: Failsafe's {@code argLine}, with {@code load-tests.test-jvm-options}. */
    private static String testJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-X"))
                .collect(Collectors.joining(" "));
    }

    /** {@link #loadEnvironment()} plus each service's JVM options for load, with its flight recording. */
    private Map<String, Map<String, String>> environment() {
        Map<String, Map<String, String>> environment = new LinkedHashMap<>();
        for (String module : List.of("wallet-simulator", "bet-service", "wallet-gateway-service", "settlement-service",
                "stats-service")) {
            Map<String, String> env = new LinkedHashMap<>(loadEnvironment().getOrDefault(module, Map.of()));
            env.putAll(profiles.environment(module));
            environment.put(module, env);
        }
        return environment;
    }

    Outcome run() throws IOException {
        Files.createDirectories(resultsDir);
        profiles.prepare();
        try (PlatformStack stack = PlatformStack.start(PlatformStack.Options.forTests(projectRoot, stateDir)
                .withPostgresSettings(PostgresStatements.SERVER_SETTINGS), environment())) {
            return runOn(stack);
        }
    }

    private Outcome runOn(PlatformStack stack) throws IOException {
        String runId = UUID.randomUUID().toString().substring(0, 6);
        PlatformApi api = new PlatformApi(stack);
        String network = api.tuneProviderNetwork();
        Users users = Users.of(runId, sizes.creators(), Math.max(sizes.acceptorsPerOffer(), sizes.creators()));
        long betsPerUser = (sizes.offers() + sizes.raceOffers() + sizes.matchedBets() + warmUp.offers()
                + sizes.steadyOffers() + sizes.outageOffers())
                / sizes.creators() + 10L;
        List<String> everyone = new java.util.ArrayList<>(users.creators());
        everyone.addAll(users.acceptors());
        PlatformApi.inParallel(everyone.size(), 8, i -> {
            api.fundUser(everyone.get(i), Stakes.depositFor(betsPerUser));
            return null;
        });
        LoadRun run = new LoadRun(stack.apiUrl().toString().replaceAll("/+$", ""), sizes, warmUp, users, api, runId);
        LoadRun.publish(run);
        for (String game : List.of(run.offersGame, run.raceGame, run.lifecycleGame, run.steadyGame, run.outageGame)) {
            api.scheduleGame(game);
            api.awaitGameOpenForBets(game, users.creator(0));
        }
        Sql bet = new Sql(stack.jdbcUrl("bet"), stack.postgresUser(), stack.postgresPassword());
        Sql settlement = new Sql(stack.jdbcUrl("settlement"), stack.postgresUser(), stack.postgresPassword());
        ResultTable table = new ResultTable();
        table.fact("provider network (simulator sandbox): " + network + "; services' extra environment: "
                + loadEnvironment() + "; every service's JVM: `" + profiles.jvmOptions("<module>")
                .replace(projectRoot.toAbsolutePath().normalize() + "/", "") + "`; the test JVM's (Kafka broker, entry "
                + "point, Gatling): `" + testJvmOptions() + "`");
        GatlingRunner gatling = new GatlingRunner(resultsDir.resolve("gatling"));
        CpuAccounting cpu = CpuAccounting.of(stack);
        PostgresStatements sqlProfile = new PostgresStatements(new Sql(stack.jdbcUrl("postgres"), stack.postgresUser(),
                stack.postgresPassword()), resultsDir.resolve("profiles"));

        // ------------------------------------------------------------------ raw baselines, before any load
        log.info("Baselines: pgbench, Kafka ProducerPerformance, plain-SQL settlement");
        Baselines baselines = new Baselines(resultsDir.resolve("baselines"), stack.jdbcUrl("postgres"),
                stack.postgresUser(), stack.postgresPassword());
        baselines.prepare();
        Baselines.Pgbench pgbench = baselines.pgbench(sizes.pgbenchDuration());
        Baselines.Producer producer = baselines.producerPerformance(stack.kafkaBootstrapServers(), sizes.producerRecords());
        Baselines.PlainSettlement plainSettlement = baselines.plainSettlement(sizes.matchedBets());
        table.fact(String.format("pgbench (bet insert + outbox insert per transaction, 16 clients, %d s): %.0f tps, "
                + "latency average %.2f ms", sizes.pgbenchDuration().toSeconds(), pgbench.tps(), pgbench.latencyAverageMs()));
        table.fact(String.format("Kafka ProducerPerformance (acks=all, 200-byte records, %,d records): %,.0f records/s, "
                + "average %.1f ms, p99 %.0f ms", producer.records(), producer.recordsPerSecond(),
                producer.averageLatencyMs(), producer.p99LatencyMs()));
        table.fact(String.format("plain-SQL settlement of %,d rows (one transaction: decide, payout + fee rows): %.0f ms",
                plainSettlement.rows(), plainSettlement.millis()));

        // ------------------------------------------------------------------ warm-up: nothing is timed before it
        // Freshly started JVMs compile for minutes; charged to the first scenario, that work made an offer look
        // several times dearer than it is. The size's warm-up offers (Sizes.warmUp: enough for C2), unmeasured.
        log.info("Warm-up: {} for {}", warmUp, warmUp.duration());
        HotSpotCounters hotspot = new HotSpotCounters();
        Map<String, HotSpotCounters.Reading> warmupBegan = hotspot.read(stack);
        gatling.run(WarmUpSimulation.class);
        awaitNoneEscrowPending(bet, run.steadyGame, warmUp.offers());
        run.latencies.forget(WarmUpSimulation.REQUEST);
        table.fact("methods compiled and time collecting during the warm-up (" + warmUp + ", HotSpot counters): "
                + HotSpotCounters.between(warmupBegan, hotspot.read(stack)));

        // ------------------------------------------------------------------ the idle stack's CPU, before any load
        Duration idleWindow = Duration.ofSeconds(sizes.smoke() ? 5 : 15);
        log.info("The idle stack's CPU over {}", idleWindow);
        CpuAccounting.Snapshot idleBefore = cpu.snapshot();
        try {
            Thread.sleep(idleWindow);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CpuAccounting.Usage idle = cpu.between("idle", idleBefore, cpu.snapshot(), 0);
        double idleCpu = idle.cpuSeconds() / idle.wallSeconds();
        table.fact(String.format("the idle stack's CPU (%.0f s before the scenarios, no load): %.2f CPU-s/s, %.2f of "
                        + "it the JIT compiler threads (%s)", idle.wallSeconds(), idleCpu,
                idle.jitSeconds() / idle.wallSeconds(), idle.cpuSecondsByProcess().entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / idle.wallSeconds()))
                        .collect(Collectors.joining(", "))));

        Instant scenariosBegan = Instant.now();
        String notProbe = " AND (idempotency_key IS NULL OR idempotency_key NOT LIKE 'probe-%')";

        // ------------------------------------------------------------------ offers at a steady rate (warm)
        log.info("Offers at a steady rate: {}/s for {}", sizes.steadyRate(), sizes.steadyDuration());
        long steadyBefore = bet.count("SELECT count(*) FROM bets WHERE game_id = ?" + notProbe, run.steadyGame);
        double steadyBeganMs = bet.number("SELECT extract(epoch FROM clock_timestamp()) * 1000");
        CpuAccounting.Snapshot steadyCpuBefore = cpu.snapshot();
        Map<String, HotSpotCounters.Reading> steadyCountersBefore = hotspot.read(stack);
        Map<String, Long> steadyTestJvmBefore = ThreadCpu.ticksByGroup(TEST_JVM_PID);
        PostgresStatements.Window steadySql = sqlProfile.begin();
        gatling.run(SteadyOfferSimulation.class);
        awaitNoneEscrowPending(bet, run.steadyGame, sizes.steadyOffers());
        CpuAccounting.Snapshot steadyCpuAfter = cpu.snapshot();
        long steadyOffers = bet.count("SELECT count(*) FROM bets WHERE game_id = ?" + notProbe, run.steadyGame)
                - steadyBefore;
        table.fact(sqlProfile.end(steadySql, "steady", "offers at a steady rate", steadyOffers));
        table.fact("methods compiled and time collecting during the offers at a steady rate (HotSpot counters): "
                + HotSpotCounters.between(steadyCountersBefore, hotspot.read(stack)));
        table.fact("the test JVM's CPU by thread over the offers at a steady rate (Kafka broker, entry point, Gatling; "
                + "`/proc` ticks): " + ThreadCpu.shares(steadyTestJvmBefore, ThreadCpu.ticksByGroup(TEST_JVM_PID),
                        cpu.ticksPerSecond(), steadyOffers));
        GatlingRunner.RequestStats steadyStats = run.latencies.stats(SteadyOfferSimulation.REQUEST,
                sizes.steadyDuration().toSeconds());
        Sql.Percentiles steadyCreateToOpen = bet.percentiles("extract(epoch FROM updated_at - created_at) * 1000",
                "FROM bets WHERE game_id = ? AND status = 'open' AND created_at >= to_timestamp(? / 1000.0)" + notProbe,
                run.steadyGame, steadyBeganMs);
        CpuAccounting.Usage steadyUsage = cpu.between("offers at a steady rate", steadyCpuBefore, steadyCpuAfter,
                steadyOffers).withIdle(idle);
        addSteadyRows(table, steadyStats, steadyCreateToOpen, steadyUsage, pgbench.latencyAverageMs());
        Sql gateway = new Sql(stack.jdbcUrl("wallet_gateway"), stack.postgresUser(), stack.postgresPassword());
        Sql provider = new Sql(stack.jdbcUrl("wallet_simulator"), stack.postgresUser(), stack.postgresPassword());
        CreateToOpenHops.Hop slowestHop = null;
        for (CreateToOpenHops.Hop hop : CreateToOpenHops.of(bet, gateway, provider, run.steadyGame, steadyBeganMs)) {
            table.add("offers at a steady rate", "create -> open, hop p99: " + hop.name(), "ms", Double.NaN, false,
                    hop.millis().p99(), "-", Double.NaN, hop.millis().toString());
            if (slowestHop == null || hop.millis().p99() > slowestHop.millis().p99()) {
                slowestHop = hop;
            }
        }

        // ------------------------------------------------------------------ offer creation
        log.info("Scenario: offer creation at {} req/s for {}", sizes.offerRate(), sizes.offerDuration());
        CpuAccounting.Snapshot offersBefore = cpu.snapshot();
        gatling.run(OfferCreationSimulation.class);
        GatlingRunner.RequestStats offerStats = run.latencies.stats(OfferCreationSimulation.REQUEST,
                sizes.offerDuration().toSeconds());
        Waits.until("every offer out of escrow_pending", sizes.patience(sizes.offers()), () -> bet.count(
                "SELECT count(*) FROM bets WHERE game_id = ? AND status = 'escrow_pending'", run.offersGame) == 0);
        CpuAccounting.Snapshot offersAfter = cpu.snapshot();
        long offersCreated = bet.count("SELECT count(*) FROM bets WHERE game_id = ?" + notProbe, run.offersGame);
        long offersOpen = bet.count("SELECT count(*) FROM bets WHERE game_id = ? AND status = 'open'" + notProbe,
                run.offersGame);
        Sql.Percentiles createToOpen = bet.percentiles("extract(epoch FROM updated_at - created_at) * 1000",
                "FROM bets WHERE game_id = ? AND status = 'open'" + notProbe, run.offersGame);
        double latencyBaseline = pgbench.latencyAverageMs();
        ResultTable.Row offerThroughput = table.add("offer creation", "throughput (2xx)", "req/s", 2_000, true,
                offerStats.ok() / (double) sizes.offerDuration().toSeconds(), "pgbench tps", pgbench.tps(),
                "arrival rate " + sizes.offerRate() + "/s");
        table.add("offer creation", "p50", "ms", Double.NaN, false, offerStats.p50(), "pgbench avg", latencyBaseline, "");
        table.add("offer creation", "p95", "ms", Double.NaN, false, offerStats.p95(), "pgbench avg", latencyBaseline, "");
        ResultTable.Row offerP99 = table.add("offer creation", "p99", "ms", 25, false, offerStats.p99(), "pgbench avg",
                latencyBaseline, "");
        table.add("offer creation", "p99.9", "ms", Double.NaN, false, offerStats.p999(), "pgbench avg", latencyBaseline, "");
        ResultTable.Row offerErrors = table.add("offer creation", "errors", "%", 0, false,
                100 * offerStats.errorShare(), "-", Double.NaN, offerStats.ko() + " of " + offerStats.total());
        ResultTable.Row createToOpenRow = table.add("create -> open", "p99 (bets.created_at -> updated_at at open)",
                "ms", 150, false, createToOpen.p99(), "pgbench avg", latencyBaseline, createToOpen.toString());
        CpuAccounting.Usage offersUsage = cpu.between("offer creation", offersBefore, offersAfter, offersCreated)
                .withIdle(idle);
        addCpu(table, offersUsage, "offer (created and open)", "req/s", 2_000,
                offerStats.ok() / (double) sizes.offerDuration().toSeconds());
        String offerRate = sizes.offerRate() + " offers/s";
        String steadyRate = sizes.steadyRate() + " offers/s";
        table.target("offer creation >= 2,000 req/s", offerThroughput, "offered at " + offerRate + " (the size's rate); "
                + TargetLimits.cpu(offersUsage, "an offer at " + offerRate, "offers/s"));
        table.target("offer creation p99 <= 25 ms", offerP99, TargetLimits.queueing(offersUsage, offerRate,
                steadyUsage, steadyRate, "the p99", steadyStats.p99()));
        table.target("offer creation: no errors", offerErrors, offerStats.ko() + " of " + offerStats.total()
                + " offers answered other than 2xx (their kinds are in the Gatling report)");
        table.target("create -> open p99 <= 150 ms", createToOpenRow, TargetLimits.queueing(offersUsage, offerRate,
                steadyUsage, steadyRate, "its p99", steadyCreateToOpen.p99()) + (slowestHop == null ? ""
                : String.format(" (its slowest hop there: %s, p99 %.0f ms)", slowestHop.name(),
                        slowestHop.millis().p99())));

        // ------------------------------------------------------------------ accept race
        log.info("Scenario: accept race, {} offers x {} acceptors", sizes.raceOffers(), sizes.acceptorsPerOffer());
        run.raceOffers = PlatformApi.inParallel(sizes.raceOffers(), 16, i -> api.offer(users.creator(i), run.raceGame,
                PlatformApi.newKey()).expect(202).path("betId").asString());
        Waits.until("every race offer open", sizes.patience(sizes.raceOffers()), () -> bet.count(
                "SELECT count(*) FROM bets WHERE game_id = ? AND status = 'open'" + notProbe, run.raceGame)
                == sizes.raceOffers());
        CpuAccounting.Snapshot raceBefore = cpu.snapshot();
        gatling.run(AcceptRaceSimulation.class);
        GatlingRunner.RequestStats raceStats = run.latencies.stats(AcceptRaceSimulation.REQUEST, 0);
        Waits.until("every race acceptance to end (no bet matching)", sizes.patience(sizes.raceOffers()), () -> bet.count(
                "SELECT count(*) FROM bets WHERE game_id = ? AND status = 'matching'", run.raceGame) == 0);
        CpuAccounting.Snapshot raceAfter = cpu.snapshot();
        long raceMatched = bet.count("SELECT count(*) FROM bets WHERE game_id = ? AND status = 'matched'", run.raceGame);
        long race202 = run.raceAnswers(202);
        long race409 = run.raceAnswers(409);
        long raceOther = raceStats.total() - race202 - race409;
        ResultTable.Row raceMatches = table.add("accept race", "matches (exactly N)", "bets", sizes.raceOffers(), true,
                raceMatched, "-", Double.NaN,
                String.format("N=%d; 202: %d, 409: %d, other: %d; 503 SERVICE_BUSY answered %d times, each asked"
                        + " again after its Retry-After", sizes.raceOffers(), race202, race409, raceOther,
                        run.raceBusyAnswers()));
        table.add("accept race", "accept p99", "ms", Double.NaN, false, raceStats.p99(), "pgbench avg", latencyBaseline,
                String.format("first ask -> final answer, waits after 503 included; p50 %.0f, p95 %.0f, p99.9 %.0f ms",
                        raceStats.p50(), raceStats.p95(), raceStats.p999()));
        addCpu(table, cpu.between("accept race", raceBefore, raceAfter, raceStats.total()).withIdle(idle),
                "accept request (202 or 409)", "accepts/s", Double.NaN, Double.NaN);
        // a count below N is a lost match; the bet database's bets of the race, not a rate, say which
        table.target("accept race: exactly " + sizes.raceOffers() + " matches, the rest 409", raceMatches, String.format(
                "%d matched of %d offers; 202: %d, 409: %d, other: %d", raceMatched, sizes.raceOffers(), race202,
                race409, raceOther));

        // ------------------------------------------------------------------ full life cycles and settlement
        log.info("Scenario: {} full life cycles at {}/s, then settlement of the game", sizes.matchedBets(),
                sizes.lifecycleRate());
        // each creator's one event stream, subscribed before any offer so that no event is missed
        Map<String, String> creatorAuthorizations = new LinkedHashMap<>();
        run.users.creators().forEach(creator -> creatorAuthorizations.put(creator, run.bearer(creator)));
        run.lifecycleStreams(UserEventStreams.open(run.apiUrl, creatorAuthorizations, Duration.ofMinutes(1)));
        CpuAccounting.Snapshot lifecyclesBefore = cpu.snapshot();
        Map<String, Long> lifecyclesTestJvmBefore = ThreadCpu.ticksByGroup(TEST_JVM_PID);
        PostgresStatements.Window lifecyclesSql = sqlProfile.begin();
        // bet-service's live heap at the last arrival, when the most life cycles are in flight (it filled up there,
        // back-to-back full collections, while each life cycle held an event stream of its own); a moment in the
        // arrival ramp, not a condition to wait for
        Thread liveHeapAtLastArrival = Thread.ofPlatform().name("live-heap-at-last-arrival").start(() -> {
            try {
                Thread.sleep(Duration.ofMillis(sizes.matchedBets() * 1000L / sizes.lifecycleRate()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            table.fact("bet-service's live heap at the life cycles' last arrival (`profiles/bet-service-class-"
                    + "histogram-lifecycles.txt`): " + profiles.classHistogram(stack, "bet-service", "lifecycles"));
        });
        gatling.run(LifecycleSimulation.class);
        Waits.until("every life-cycle bet matched", sizes.patience(sizes.matchedBets()), () -> bet.count(
                "SELECT count(*) FROM bets WHERE game_id = ? AND status IN ('escrow_pending', 'matching')",
                run.lifecycleGame) == 0);
        CpuAccounting.Snapshot lifecyclesAfter = cpu.snapshot();
        Map<String, Long> lifecyclesTestJvmAfter = ThreadCpu.ticksByGroup(TEST_JVM_PID);
        run.lifecycleStreams().close();
        table.fact(String.format("the life cycles waited on %d event streams (one per creator): %d waits without "
                        + "their event (a read of the bet decided), %d streams opened again",
                creatorAuthorizations.size(), run.missedEvents(), run.lifecycleStreams().reconnects()));
        long lifecycleBets = bet.count("SELECT count(*) FROM bets WHERE game_id = ?" + notProbe, run.lifecycleGame);
        long lifecycleMatched = bet.count("SELECT count(*) FROM bets WHERE game_id = ? AND status = 'matched'" + notProbe,
                run.lifecycleGame);
        table.fact(sqlProfile.end(lifecyclesSql, "lifecycles", "life cycles up to matched", lifecycleMatched));
        table.fact("the test JVM's CPU by thread over the life cycles up to matched (`/proc` ticks): "
                + ThreadCpu.shares(lifecyclesTestJvmBefore, lifecyclesTestJvmAfter, cpu.ticksPerSecond(),
                        lifecycleMatched));
        Sql.Percentiles openDuringLifecycles = bet.percentiles("extract(epoch FROM updated_at - created_at) * 1000",
                "FROM bets WHERE game_id = ? AND status = 'matched'" + notProbe, run.lifecycleGame);
        Double lifecycleSpanMs = bet.number("SELECT extract(epoch FROM max(updated_at) - min(created_at)) * 1000 "
                + "FROM bets WHERE game_id = ? AND status = 'matched'" + notProbe, run.lifecycleGame);
        // the probe offer of the game stays open: withdraw is not needed, settlement refunds it (unmatched at start)
        try {
            liveHeapAtLastArrival.join(Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // what bet-service's heap holds during a settlement, for comparison with the life cycles'
        Thread offersDuringSettlement = Thread.ofPlatform().name("offers-during-settlement").start(() -> {
            gatling.run(OffersDuringSettlementSimulation.class);
            table.fact("bet-service's live heap during the settlement (`profiles/bet-service-class-histogram-"
                    + "settlement.txt`): " + profiles.classHistogram(stack, "bet-service", "settlement"));
        });
        CpuAccounting.Snapshot settlementBefore = cpu.snapshot();
        PostgresStatements.Window settlementSql = sqlProfile.begin();
        api.simulate(run.lifecycleGame, 2026);
        long expectedSettled = lifecycleMatched;
        Waits.until("every matched bet of " + run.lifecycleGame + " paid or refunded", sizes.patience(sizes.matchedBets()), () ->
                settlement.count("SELECT count(*) FROM settlements s JOIN escrowed_bets b USING (bet_id) "
                        + "WHERE s.game_id = ? AND b.acceptor_id IS NOT NULL AND s.status IN ('paid', 'refunded')",
                        run.lifecycleGame) >= expectedSettled);
        CpuAccounting.Snapshot settlementAfter = cpu.snapshot();
        table.fact(sqlProfile.end(settlementSql, "settlement", "settlement (per bet settled; offers keep arriving "
                + "at a quarter of the offer rate)", expectedSettled));
        try {
            offersDuringSettlement.join(Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        GatlingRunner.RequestStats duringSettlement = run.latencies.stats(OffersDuringSettlementSimulation.REQUEST,
                sizes.settlementWindow().toSeconds());
        long settled = settlement.count("SELECT count(*) FROM settlements s JOIN escrowed_bets b USING (bet_id) "
                + "WHERE s.game_id = ? AND b.acceptor_id IS NOT NULL AND s.status IN ('paid', 'refunded')", run.lifecycleGame);
        long paid = settlement.count("SELECT count(*) FROM settlements s JOIN escrowed_bets b USING (bet_id) "
                + "WHERE s.game_id = ? AND b.acceptor_id IS NOT NULL AND s.status = 'paid'", run.lifecycleGame);
        Double settleMs = settlement.number("""
                SELECT extract(epoch FROM max(s.completed_at) - min(r.received_at)) * 1000
                FROM settlements s JOIN escrowed_bets b USING (bet_id) JOIN game_results r ON r.game_id = s.game_id
                WHERE s.game_id = ? AND b.acceptor_id IS NOT NULL""", run.lifecycleGame);
        Double auditMs = settlement.number("""
                SELECT extract(epoch FROM a.completed_at - a.requested_at) * 1000 FROM liquidity_audits a, game_results r
                WHERE r.game_id = ? AND a.completed_at >= r.received_at AND a.verdict IN ('BALANCED', 'SURPLUS')
                ORDER BY a.completed_at LIMIT 1""", run.lifecycleGame);
        double lifecyclesPerSecond = lifecycleSpanMs == null || settleMs == null ? Double.NaN
                : lifecycleMatched * 1000.0 / (lifecycleSpanMs + settleMs);
        ResultTable.Row lifecyclesRow = table.add("full life cycles", "per second (create .. matched, then settled "
                + "and paid)", "1/s", 500, true,
                lifecyclesPerSecond, "pgbench tps", pgbench.tps(), String.format(
                        "%d bets; offered at %d/s; create -> matched %s", lifecycleMatched, sizes.lifecycleRate(),
                        openDuringLifecycles));
        ResultTable.Row settlementTime = table.add("settlement", "finalized received -> last payout confirmed", "s",
                sizes.matchedBets() >= 100_000 ? 30 : Double.NaN, false, settleMs == null ? Double.NaN : settleMs / 1000,
                "plain SQL (s)", plainSettlement.millis() / 1000, String.format("%d matched bets; %d paid, %d refunded",
                        lifecycleMatched, paid, settled - paid));
        table.add("settlement", "bet creation p99 while it runs", "ms", Double.NaN, false, duringSettlement.p99(),
                "pgbench avg", latencyBaseline, String.format("%d offers at %.0f/s, %d errors; p50 %.0f ms",
                        duringSettlement.total(), Math.max(1, sizes.offerRate() / 4.0), duringSettlement.ko(),
                        duringSettlement.p50()));
        table.add("settlement", "liquidity audit (requested -> verdict that releases the payouts, first after the result)",
                "ms", Double.NaN, false, auditMs == null ? Double.NaN : auditMs, "-", Double.NaN,
                "the audit's own row; BALANCED, or SURPLUS when offers escrowed during the audit (they keep arriving)");
        CpuAccounting.Usage lifecycleCpu = cpu.between("full life cycles", lifecyclesBefore, lifecyclesAfter,
                lifecycleMatched).withIdle(idle);
        CpuAccounting.Usage settlementCpu = cpu.between("settlement", settlementBefore, settlementAfter, settled)
                .withIdle(idle);
        addCpu(table, lifecycleCpu, "life cycle up to matched (create, open, accept, matched)", "1/s", Double.NaN,
                Double.NaN);
        ResultTable.Row settlementCeiling = addCpu(table, settlementCpu, "bet settled and paid (offers keep arriving "
                + "at a quarter of the offer rate)", "bets/s", 100_000 / 30.0, Double.NaN, "plain SQL (bets/s)",
                plainSettlement.rowsPerSecond());
        double fullLifecycleMs = TargetLimits.wholeLifeCycleMs(lifecycleCpu, settlementCpu);
        double fullLifecycleNetMs = lifecycleCpu.marginalCpuMsPerOperation() > 0
                && settlementCpu.marginalCpuMsPerOperation() > 0
                ? lifecycleCpu.marginalCpuMsPerOperation() + settlementCpu.marginalCpuMsPerOperation() : Double.NaN;
        table.add("full life cycles", "CPU ceiling of a whole life cycle (" + lifecycleCpu.cores()
                        + " cores / CPU up to matched + CPU of its settlement)", "1/s", 500, true,
                TargetLimits.wholeLifeCycleCeiling(lifecycleCpu, settlementCpu), "-", Double.NaN, String.format(
                        "%.2f + %.2f = %.2f ms of CPU per life cycle; %s; measured %.2f/s",
                        lifecycleCpu.cpuMsPerOperation(), settlementCpu.cpuMsPerOperation(), fullLifecycleMs,
                        fullLifecycleNetMs > 0 ? String.format(
                                "net of the idle stack (%d cores - %.2f) / %.2f ms = %.1f/s", lifecycleCpu.cores(),
                                idleCpu, fullLifecycleNetMs,
                                Math.max(0, lifecycleCpu.cores() - idleCpu) * 1000 / fullLifecycleNetMs)
                                : "net of the idle stack: not measurable in these windows", lifecyclesPerSecond));
        table.target(">= 500 full life cycles/s", lifecyclesRow, TargetLimits.cpuOfWholeLifeCycle(lifecycleCpu,
                settlementCpu));
        // below the full size the 30 s are for other counts: the CPU ceiling against 100k / 30 s judges the rate
        table.target("100k matched bets settled and paid <= 30 s", sizes.matchedBets() >= 100_000 ? settlementTime
                : settlementCeiling, String.format("%s; %,d bets took %.1f s, so 100k would take about %,.0f s at "
                        + "that rate", TargetLimits.cpu(settlementCpu, "a bet settled and paid", "bets/s"),
                lifecycleMatched, settleMs == null ? Double.NaN : settleMs / 1000,
                settleMs == null || lifecycleMatched == 0 ? Double.NaN
                        : 100_000 * settleMs / 1000 / lifecycleMatched));

        // ------------------------------------------------------------------ outbox relay
        log.info("Scenario: outbox relay, {} rows", sizes.relayRows());
        CpuAccounting.Snapshot relayBefore = cpu.snapshot();
        OutboxRelayProbe.Result relay = new OutboxRelayProbe(bet, stack.kafkaBootstrapServers())
                .run(sizes.relayRows(), sizes.smoke() ? 20 : 200);
        CpuAccounting.Snapshot relayAfter = cpu.snapshot();
        ResultTable.Row relayRate = table.add("outbox relay", "rows relayed per second (bet-service)", "rows/s",
                10_000, true,
                relay.rowsPerSecond(), "ProducerPerformance rec/s", producer.recordsPerSecond(),
                "%d rows backlog, relayed from its first append to its last; the first row was appended %d ms after the backlog's commit (rows written with SQL wake no relay: its idle pause), %,.0f rows/s counted from the commit"
                        .formatted(relay.rows(), relay.firstAppendMs(), relay.fromCommitPerSecond()));
        table.add("outbox relay", "commit -> broker append p99", "ms", Double.NaN, false, relay.lagMs().p99(),
                "ProducerPerformance p99", producer.p99LatencyMs(), relay.lagMs().toString());
        // not judged against the relay's target: the window also holds the probe's own inserts, its consumer and the
        // trickle, so the ceiling it implies is below the rate the relay was measured at
        CpuAccounting.Usage relayCpu = cpu.between("outbox relay", relayBefore, relayAfter, relay.rows())
                .withIdle(idle);
        addCpu(table, relayCpu, "row written and relayed (the probe's inserts included)", "rows/s", Double.NaN,
                relay.rowsPerSecond());
        table.target("outbox relay >= 10,000 rows/s", relayRate, String.format("%s; the broker took %,.0f records/s "
                        + "from Kafka's own producer", TargetLimits.cpu(relayCpu, "a row written and relayed", "rows/s"),
                producer.recordsPerSecond()));

        // ------------------------------------------------------------------ recovery after a provider outage
        log.info("Scenario: {} offers while the provider refuses every transfer, then the provider back",
                sizes.outageOffers());
        ProviderOutage.Result outage = new ProviderOutage(api, users, bet, gateway, RECONCILER_REQUESTED_AFTER)
                .run(run.outageGame, sizes.outageOffers(), sizes.patience(sizes.outageOffers()));
        table.add("provider outage", "provider answering again -> offer made during the outage open, p99", "ms",
                Double.NaN, false, outage.liftedToOpenMs().p99(), "-", Double.NaN, String.format("%s, the last after "
                        + "%.1f s; %d offers made in %.1f s while the provider answered every transfer 503, which it "
                        + "did for %.0f s: their escrows stayed requested, due to the gateway's reconciler %d s after "
                        + "each was stored (requested-after), the last for %d s when the provider answered again; %d of "
                        + "them open at the end", outage.liftedToOpenMs(), outage.lastOpenSeconds(), outage.offers(),
                        outage.madeSeconds(), outage.outageSeconds(), RECONCILER_REQUESTED_AFTER.toSeconds(),
                        ProviderOutage.DUE_DURING_THE_OUTAGE.toSeconds(), outage.open()));

        // ------------------------------------------------------------------ memory
        Map<String, Long> peakRss = ServiceMemory.peakRssKib(stack);
        ResultTable.Row largestRss = null;
        for (Map.Entry<String, Long> rss : peakRss.entrySet()) {
            ResultTable.Row row = table.add("memory", rss.getKey() + " peak RSS (VmHWM)", "MiB", 512, false,
                    rss.getValue() / 1024.0, "-", Double.NaN, "");
            largestRss = largestRss == null || row.measured() > largestRss.measured() ? row : largestRss;
        }
        if (largestRss != null) {
            table.target("each service <= 512 MiB RSS", largestRss, "the largest of the services' peaks; each "
                    + "service's GC and allocation views are in `profiles/<service>.txt`");
        }
        for (ServiceProfiles.Profile profile : profiles.dumpAndRead(stack)) {
            List<GcPauses.Pause> pauses = GcPauses.read(profile.recording());
            GcPauses.Summary underLoad = GcPauses.underLoad(pauses, scenariosBegan);
            table.add("memory", profile.module() + " GC pauses under load (the scenarios' collections, without the "
                    + "harness's heap histograms)", "ms", Double.NaN, false, underLoad.totalMs(), "-", Double.NaN,
                    underLoad.describe() + "; over the whole run, the start and the warm-up included: "
                            + GcPauses.wholeRun(pauses).describe());
            table.fact("hottest methods of " + profile.module() + " (JFR execution samples over the run; all views in "
                    + "`profiles/" + profile.module() + ".txt`): " + String.join("; ", profile.hotMethods().stream()
                    .limit(5).toList()));
            table.fact("CPU of " + profile.module() + " by framework (JFR execution samples of the scenarios, each "
                    + "to its first frame outside the JDK): "
                    + FrameworkSplit.summary(FrameworkSplit.read(profile.recording(), scenariosBegan)));
        }
        String machine = machine();
        // relative to the project, so the document reads the same on every clone
        String markdown = table.markdown(sizes, machine, projectRoot.toAbsolutePath().normalize()
                .relativize(resultsDir.resolve("gatling").toAbsolutePath().normalize()));
        Files.writeString(resultsDir.resolve("benchmarks.md"), markdown);
        System.out.println("Load-test results (also in " + resultsDir.resolve("benchmarks.md") + "):\n" + markdown);
        return new Outcome(table, markdown, offerStats.ok(), offersCreated, offersOpen, sizes.raceOffers(), raceMatched,
                race202, race409, raceOther, lifecycleBets, lifecycleMatched, settled, paid, relay.rows(),
                outage.offers(), outage.open());
    }

    private void awaitNoneEscrowPending(Sql bet, String game, long offers) {
        Waits.until("every offer of " + game + " out of escrow_pending", sizes.patience(offers), () -> bet.count(
                "SELECT count(*) FROM bets WHERE game_id = ? AND status = 'escrow_pending'", game) == 0);
    }

    /**
     * The offers at a steady rate: what an offer costs and how long it takes when nothing queues. Its CPU per offer
     * is the stack's real price of an offer (warm, no refusals, no queue), so its ceiling is the rate the offer
     * scenario could reach on this machine, and the target's miss is measured against it.
     */
    private void addSteadyRows(ResultTable table, GatlingRunner.RequestStats stats, Sql.Percentiles createToOpen,
                               CpuAccounting.Usage usage, double latencyBaseline) {
        String scenario = usage.scenario();
        table.add(scenario, "throughput (2xx)", "req/s", Double.NaN, false, stats.meanPerSecond(), "-", Double.NaN,
                String.format("arrival rate %d/s, after a warm-up of as many offers; %d errors", sizes.steadyRate(),
                        stats.ko()));
        table.add(scenario, "p99", "ms", Double.NaN, false, stats.p99(), "pgbench avg", latencyBaseline,
                String.format("p50 %.0f, p95 %.0f, p99.9 %.0f ms", stats.p50(), stats.p95(), stats.p999()));
        table.add(scenario, "create -> open p99", "ms", Double.NaN, false, createToOpen.p99(), "pgbench avg",
                latencyBaseline, createToOpen.toString());
        addCpu(table, usage, "offer (created and open)", "req/s", 2_000, Double.NaN);
    }

    /**
     * Two rows of a scenario: the CPU-seconds one operation cost every process of the stack, and the ceiling they
     * imply, {@code cores x 1 s / CPU per operation}, judged against the scenario's throughput target; returns the
     * ceiling's row.
     */
    private static ResultTable.Row addCpu(ResultTable table, CpuAccounting.Usage usage, String operation, String unit,
                                          double target, double measuredRate) {
        return addCpu(table, usage, operation, unit, target, measuredRate, "-", Double.NaN);
    }

    /** As above, the ceiling next to the rate the same work reaches without the platform ({@code baseline}). */
    private static ResultTable.Row addCpu(ResultTable table, CpuAccounting.Usage usage, String operation, String unit,
                                          double target, double measuredRate, String baselineName, double baseline) {
        table.add(usage.scenario(), "CPU per " + operation, "ms", Double.NaN, false, usage.cpuMsPerOperation(), "-",
                Double.NaN, usage.note());
        String net = Double.isNaN(usage.marginalCeilingPerSecond())
                ? "net of the idle stack: not measurable in this window"
                : String.format("net of the idle stack: (%d cores - %.2f) / %.2f ms = %,.1f %s", usage.cores(),
                        usage.idleCpuPerSecond(), usage.marginalCpuMsPerOperation(), usage.marginalCeilingPerSecond(),
                        unit);
        if (!Double.isNaN(usage.compiledCeilingPerSecond())) {
            net += String.format("; without the JIT compiler threads: %,.1f %s", usage.compiledCeilingPerSecond(), unit);
        }
        return table.add(usage.scenario(), "CPU ceiling (" + usage.cores() + " cores x 1 s / CPU per operation)", unit,
                target,
                true, usage.ceilingPerSecond(), baselineName, baseline, Double.isNaN(measuredRate) ? net
                        : String.format("%s; measured %.2f %s", net, measuredRate, unit));
    }

    static String machine() {
        String load = "";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            load = "unknown";
        }
        return String.format("%d cores, load average at the end %s, %s", Runtime.getRuntime().availableProcessors(),
                load, ManagementFactory.getRuntimeMXBean().getVmVersion());
    }
}
