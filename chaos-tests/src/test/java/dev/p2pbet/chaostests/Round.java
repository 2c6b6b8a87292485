package dev.p2pbet.chaostests;

import dev.p2pbet.chaostests.PlatformDatabases.InFlight;
import dev.p2pbet.chaostests.Scenario.Injection;
import dev.p2pbet.chaostests.Scenario.Phase;
import dev.p2pbet.systemtests.books.Bookkeeper;
import dev.p2pbet.systemtests.books.ExpectedEnd;
import dev.p2pbet.systemtests.books.MoneyBook;
import dev.p2pbet.systemtests.books.Outcome;
import dev.p2pbet.systemtests.books.RecordedTransfers;
import dev.p2pbet.systemtests.clients.Bet;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.GameResult;
import dev.p2pbet.systemtests.clients.Sandbox;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.BetScenarios;
import dev.p2pbet.systemtests.support.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One burst of real bets through the public API with a scenario's faults landing in it: users sign up, offers are
 * made (escrows in flight), most are accepted (acceptor escrows in flight), then one game is simulated and the other
 * cancelled (payouts, fees, refunds and gas recoveries in flight). Afterwards the books: every bet final within
 * {@link #ALL_FINAL} of the last fault, every provider account changed exactly as the money rules give (an
 * independent {@link MoneyBook}), the vault back to zero, no bet paid twice.
 */
final class Round {

    /** The bound on "stuck": every bet is final this long after the round's last fault landed. */
    static final Duration ALL_FINAL = Duration.ofMinutes(4);
    /** The bound on each phase's work (escrows, acceptances), faults and restarts included. */
    private static final Duration STEADY = Duration.ofMinutes(4);
    /** How long a fault waits for work in flight before it lands anyway. */
    private static final Duration AIM = Duration.ofSeconds(5);
    private static final long FUNDS = 500_000;
    private static final int CLIENTS = 6;
    private static final Logger log = LoggerFactory.getLogger(Round.class);

    record Size(int users, int bets) {
    }

    private record Planned(int number, Game game, User creator, Selection selection, long stake, User acceptor) {
    }

    /** What a round measured; {@link #problems()} is empty when every check held. */
    record Result(String scenario, int faults, int bets, InFlight inFlight, Duplicates.Counts duplicates,
                  Duration recovery, Duration allFinal, int stuckBets, int payouts, List<String> paidTwice,
                  long moneyLost, long moneyCreated, String statuses, List<String> problems) {
    }

    private final ChaosPlatform chaos;
    private final Platform platform;
    private final PlatformDatabases databases;
    private final Duplicates duplicates;
    private final Size size;
    private final long seed;

    /** Per injection: when it landed and what was in flight then. */
    private final List<Long> landedAt = new ArrayList<>();
    /** Per phase, the most work in flight one of its faults met (faults landing together count it once). */
    private final Map<Phase, InFlight> inFlight = new ConcurrentHashMap<>();
    private Duration recovery = Duration.ZERO;

    Round(ChaosPlatform chaos, Size size, long seed) {
        this.chaos = chaos;
        this.platform = chaos.clients();
        this.databases = new PlatformDatabases(chaos);
        this.duplicates = new Duplicates(chaos);
        this.size = size;
        this.seed = seed;
    }

    Result play(Scenario scenario) throws Exception {
        long began = System.nanoTime();
        Random random = new Random(seed);
        Sandbox.Balances before = platform.sandbox().balances();
        MoneyBook book = new MoneyBook();
        List<User> users = IntStream.range(0, size.users()).parallel()
                .mapToObj(i -> platform.users().signUp("chaos" + i, FUNDS)).toList();
        users.forEach(user -> book.deposit(user.wallet(), FUNDS));
        List<Game> games = List.of(
                platform.games().schedule("chaos-sim-" + seed, BetScenarios.inAnHour()),
                platform.games().schedule("chaos-cancel-" + seed, BetScenarios.inAnHour()));
        List<Planned> plan = plan(random, users, games);
        duplicates.start();
        log.info("Round '{}' (seed {}): {} bets, {} users", scenario.name(), seed, plan.size(), users.size());

        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
             ExecutorService faults = Executors.newCachedThreadPool()) {
            Map<Planned, String> betIds = new ConcurrentHashMap<>();
            prepare(scenario, Phase.AFTER_OFFERS);
            forEach(clients, plan, bet -> betIds.put(bet, platform.bets().offered(bet.creator(), bet.game().gameId(),
                    bet.selection(), bet.stake()).betId()));
            List<String> all = plan.stream().map(betIds::get).toList();
            int firstOfPhase = landedAt.size();
            List<Future<?>> injected = inject(faults, scenario, Phase.AFTER_OFFERS, all);
            Map<String, Bet> opened = awaitAll("every offer open or refused", all,
                    bet -> bet.status().equals("open") || bet.status().equals("rejected"), STEADY);
            recovered(injected, firstOfPhase);

            List<Planned> toAccept = plan.stream().filter(bet -> bet.acceptor() != null)
                    .filter(bet -> opened.get(betIds.get(bet)).status().equals("open")).toList();
            prepare(scenario, Phase.AFTER_ACCEPTS);
            forEach(clients, toAccept, bet -> platform.bets().accept(bet.acceptor(), betIds.get(bet))
                    .expect(202, bet + " accepted"));
            List<String> accepted = toAccept.stream().map(betIds::get).toList();
            firstOfPhase = landedAt.size();
            injected = inject(faults, scenario, Phase.AFTER_ACCEPTS, all);
            Map<String, Bet> settled = awaitAll("every acceptance matched or failed", accepted,
                    bet -> bet.status().equals("matched") || bet.status().equals("open"), STEADY);
            recovered(injected, firstOfPhase);

            prepare(scenario, Phase.AFTER_RESULTS);
            GameResult result = platform.games().simulate(games.get(0), random.nextLong());
            platform.games().cancel(games.get(1), "chaos round " + seed);
            firstOfPhase = landedAt.size();
            injected = inject(faults, scenario, Phase.AFTER_RESULTS, all);
            long lastFault = System.nanoTime();
            Map<String, Bet> finals = new LinkedHashMap<>();
            int stuck = awaitAllFinal(all, finals);
            recovered(injected, firstOfPhase);
            if (!landedAt.isEmpty()) {
                lastFault = landedAt.stream().mapToLong(Long::longValue).max().orElseThrow();
            }
            Duration allFinal = Duration.ofNanos(System.nanoTime() - lastFault);

            Map<String, ExpectedEnd> expected = new LinkedHashMap<>();
            for (Planned bet : plan) {
                String id = betIds.get(bet);
                String steady = opened.get(id).status().equals("rejected") ? "rejected"
                        : bet.acceptor() == null ? "open" : settled.get(id).status();
                expected.put(id, expectedEnd(bet, steady, games.get(1), result));
            }
            Result books = books(scenario, users, all, finals, expected, before, book, stuck, allFinal);
            log.info("Round '{}' done in {} s: {}", scenario.name(),
                    Duration.ofNanos(System.nanoTime() - began).toSeconds(), books);
            return books;
        }
    }

    private List<Planned> plan(Random random, List<User> users, List<Game> games) {
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < size.bets(); i++) {
            Game game = games.get(random.nextInt(games.size()));
            User creator = users.get(i % users.size());
            User acceptor = null;
            if (random.nextInt(100) < 85) {
                do {
                    acceptor = users.get(random.nextInt(users.size()));
                } while (acceptor.equals(creator));
            }
            plan.add(new Planned(i, game, creator, selection(random, game), 100 + random.nextInt(4_901), acceptor));
        }
        return plan;
    }

    /** Lines in whole and half points, so that some results land on the line (a push). */
    private static Selection selection(Random random, Game game) {
        String overUnder = random.nextBoolean() ? "OVER" : "UNDER";
        return switch (random.nextInt(3)) {
            case 0 -> Selection.gameWinner(random.nextBoolean() ? "HOME" : "AWAY");
            case 1 -> Selection.totalPoints(overUnder, 1_800 + 5L * random.nextInt(141));
            default -> Selection.playerStat(game.roster().get(random.nextInt(game.roster().size())), "POINTS",
                    overUnder, 5 + 5L * random.nextInt(60));
        };
    }

    private static ExpectedEnd expectedEnd(Planned bet, String steady, Game cancelled, GameResult result) {
        return switch (steady) {
            case "rejected" -> ExpectedEnd.rejected();
            case "open" -> ExpectedEnd.unmatchedRefund();
            case "matched" -> bet.game().equals(cancelled) ? ExpectedEnd.matchedRefund()
                    : ExpectedEnd.decided(Outcome.of(bet.selection(), result), bet.creator().id(), bet.acceptor().id());
            default -> throw new IllegalStateException("not a steady status: " + steady);
        };
    }

    // ------------------------------------------------------------------------------------------------ faults

    private void prepare(Scenario scenario, Phase phase) {
        for (Injection injection : scenario.at(phase)) {
            injection.fault().prepare(chaos, witness(List.of(), phase));
        }
    }

    private List<Future<?>> inject(ExecutorService faults, Scenario scenario, Phase phase, List<String> betIds) {
        List<Future<?>> running = new ArrayList<>();
        for (Injection injection : scenario.at(phase)) {
            running.add(faults.submit(() -> {
                aimAtWorkInFlight(betIds);
                long began = System.nanoTime();
                injection.fault().inject(chaos, witness(betIds, phase));
                log.info("{} ({}): back after {} ms", injection.fault().name(), phase,
                        Duration.ofNanos(System.nanoTime() - began).toMillis());
                return null;
            }));
        }
        return running;
    }

    /** Waits (briefly) until the round has work in flight, so that the fault lands in the middle of it. */
    private void aimAtWorkInFlight(List<String> betIds) {
        long deadline = System.nanoTime() + AIM.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (databases.inFlight(betIds).total() > 0) {
                    return;
                }
            } catch (RuntimeException e) {
                return;
            }
            sleep(Duration.ofMillis(20));
        }
    }

    private Fault.Witness witness(List<String> betIds, Phase phase) {
        return new Fault.Witness() {
            @Override
            public void atFault() {
                InFlight now = InFlight.NONE;
                try {
                    now = betIds.isEmpty() ? InFlight.NONE : databases.inFlight(betIds);
                } catch (RuntimeException e) {
                    log.warn("Could not count the work in flight: {}", e.getMessage());
                }
                synchronized (Round.this) {
                    landedAt.add(System.nanoTime());
                    inFlight.merge(phase, now, (a, b) -> a.total() >= b.total() ? a : b);
                }
                log.info("Fault lands with {} in flight", now);
            }

            @Override
            public void losing(String module) {
                duplicates.losing(module);
            }
        };
    }

    /**
     * Waits for the phase's faults to be over (the phase's work is steady already); the recovery is the longest
     * time from a fault landing to the phase's work steady and the broken part back.
     */
    private void recovered(List<Future<?>> injected, int firstOfPhase) throws InterruptedException, ExecutionException {
        for (Future<?> fault : injected) {
            fault.get();
        }
        long steady = System.nanoTime();
        synchronized (this) {
            for (long landed : landedAt.subList(firstOfPhase, landedAt.size())) {
                Duration took = Duration.ofNanos(steady - landed);
                if (took.compareTo(recovery) > 0) {
                    recovery = took;
                }
            }
        }
    }

    private int awaitAllFinal(List<String> betIds, Map<String, Bet> finals) {
        try {
            finals.putAll(awaitAll("every bet final", betIds, Bet::isFinal, ALL_FINAL));
            return 0;
        } catch (AssertionError stuck) {
            log.error(stuck.getMessage());
            finals.putAll(latest);
            return (int) finals.values().stream().filter(bet -> !bet.isFinal()).count();
        }
    }

    /** The bets last read by {@link #awaitAll}. */
    private final Map<String, Bet> latest = new LinkedHashMap<>();

    /**
     * Polls the bets not yet done until all are; a read that fails (the service or its database is down for the
     * fault) is tried again at the next poll. Fails listing the bets not done after {@code timeout}.
     */
    private Map<String, Bet> awaitAll(String what, List<String> betIds, Predicate<Bet> done, Duration timeout) {
        latest.clear();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String id : betIds) {
                if (!latest.containsKey(id) || !done.test(latest.get(id))) {
                    try {
                        latest.put(id, platform.bets().get(id));
                    } catch (RuntimeException | AssertionError unavailable) {
                        break;
                    }
                }
            }
            List<String> waiting = betIds.stream().filter(id -> !latest.containsKey(id) || !done.test(latest.get(id)))
                    .toList();
            if (waiting.isEmpty()) {
                return new LinkedHashMap<>(latest);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + "; " + waiting.size()
                        + " of " + betIds.size() + " bets not there: " + waiting.stream().limit(30)
                        .map(id -> latest.containsKey(id) ? latest.get(id).brief() : id + " (never read)").toList());
            }
            sleep(Duration.ofMillis(250));
        }
    }

    // ------------------------------------------------------------------------------------------------- books

    private Result books(Scenario scenario, List<User> users, List<String> betIds, Map<String, Bet> finals,
                         Map<String, ExpectedEnd> expected, Sandbox.Balances before, MoneyBook book, int stuck,
                         Duration allFinal) {
        List<String> problems = new ArrayList<>();
        if (stuck > 0) {
            problems.add(stuck + " bets not final " + ALL_FINAL.toMinutes() + " min after the last fault");
        }
        Sandbox.Balances after = platform.sandbox().balances();
        RecordedTransfers recorded = RecordedTransfers.of(platform.topics(), betIds);
        Map<String, String> wallets = users.stream().collect(Collectors.toMap(User::id, User::wallet));
        Bookkeeper bookkeeper = new Bookkeeper(book, recorded, wallets::get);
        if (stuck == 0) {
            for (String id : betIds) {
                try {
                    bookkeeper.enter(finals.get(id), expected.get(id));
                } catch (AssertionError e) {
                    problems.add(id + ": " + e.getMessage());
                }
            }
        }
        problems.addAll(bookkeeper.discrepancies());

        long lost = 0;
        long created = 0;
        TreeSet<String> accounts = new TreeSet<>(after.byAccount().keySet());
        accounts.addAll(book.expectedChanges().keySet());
        Map<String, String> wrong = new TreeMap<>();
        for (String account : accounts) {
            long actual = after.of(account) - before.of(account);
            long wanted = book.expectedChange(account);
            if (actual > wanted) {
                created += actual - wanted;
            } else {
                lost += wanted - actual;
            }
            if (actual != wanted) {
                wrong.put(account, actual + " vs " + wanted);
            }
        }
        if (!wrong.isEmpty()) {
            problems.add("accounts whose change is not what the rules give (actual vs expected): " + wrong);
        }
        if (after.total() - before.total() != book.deposits()) {
            problems.add("the sum over all accounts changed by " + (after.total() - before.total())
                    + ", the deposits were " + book.deposits());
        }
        if (after.of(Sandbox.ESCROW_VAULT) != 0) {
            problems.add("the vault holds " + after.of(Sandbox.ESCROW_VAULT) + " once every bet is final");
        }
        List<String> paidTwice = databases.paidTwice(betIds);
        paidTwice.forEach(bet -> problems.add("paid twice: " + bet));
        if (stuck == 0) {
            databases.vaultLeftovers(betIds).forEach(bet -> problems.add("vault not even for a final bet: " + bet));
        }
        Duplicates.Counts counts = duplicates.since();
        InFlight atFaults = inFlight.values().stream().reduce(InFlight.NONE, InFlight::plus);
        return new Result(scenario.name(), landedAt.size(), betIds.size(), atFaults, counts, recovery, allFinal,
                stuck, databases.payouts(betIds), paidTwice, lost, created, statuses(finals.values()),
                List.copyOf(problems));
    }

    private static String statuses(Collection<Bet> bets) {
        Map<String, Long> byStatus = bets.stream().collect(Collectors.groupingBy(Bet::status, TreeMap::new,
                Collectors.counting()));
        return byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** Runs {@code step} for every bet on the clients' threads; fails listing the bets whose step failed. */
    private static void forEach(ExecutorService clients, List<Planned> bets,
                                java.util.function.Consumer<Planned> step) throws InterruptedException {
        List<Future<?>> steps = new ArrayList<>();
        bets.forEach(bet -> steps.add(clients.submit(() -> step.accept(bet))));
        List<String> failures = new ArrayList<>();
        for (Future<?> done : steps) {
            try {
                done.get();
            } catch (ExecutionException e) {
                failures.add(String.valueOf(e.getCause().getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + bets.size() + " bets failed a step:\n  "
                    + String.join("\n  ", failures.stream().limit(20).toList()));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
