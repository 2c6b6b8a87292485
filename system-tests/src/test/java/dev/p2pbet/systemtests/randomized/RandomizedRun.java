package dev.p2pbet.systemtests.randomized;

import dev.p2pbet.systemtests.books.ExpectedEnd;
import dev.p2pbet.systemtests.books.Outcome;
import dev.p2pbet.systemtests.clients.Bet;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.GameResult;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.BetScenarios;
import dev.p2pbet.systemtests.support.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link RunPlan} against the platform the way its users do, many at once: every bet is offered, is
 * accepted, withdrawn or left alone once open, and then every game ends (cancelled or simulated). What happened to
 * each bet on the way (an escrow the provider refused, an acceptance that failed) is taken into account: the rules
 * then say how each bet must end.
 */
final class RandomizedRun {

    private static final Logger log = LoggerFactory.getLogger(RandomizedRun.class);
    private static final int CLIENTS = 8;
    private static final Duration STEADY = Duration.ofMinutes(2);

    /** Something to do once half of the bets have been acted on (e.g. kill a service), on its own thread. */
    interface Midway {
        void run() throws Exception;
    }

    /** A bet once its offer has been acted on: its plan and the status it settled in before the games end. */
    record Played(BetPlan plan, String betId, String steadyStatus) {
    }

    record Outcomes(List<Played> bets, Map<Game, GameResult> results, Set<Game> cancelled) {

        ExpectedEnd expectedEnd(Played played) {
            Game game = played.plan().game();
            return switch (played.steadyStatus()) {
                case "rejected" -> ExpectedEnd.rejected();
                case "open", "withdrawn" -> ExpectedEnd.unmatchedRefund();
                case "matched" -> cancelled.contains(game) ? ExpectedEnd.matchedRefund()
                        : ExpectedEnd.decided(Outcome.of(played.plan().selection(), results.get(game)),
                        played.plan().creator().id(), played.plan().acceptor().id());
                default -> throw new IllegalStateException("not a steady status: " + played.steadyStatus());
            };
        }
    }

    private final Platform platform;

    RandomizedRun(Platform platform) {
        this.platform = platform;
    }

    static List<User> signUp(Platform platform, int count, long funds) {
        return IntStream.range(0, count).parallel().mapToObj(i -> platform.users().signUp("player" + i, funds))
                .toList();
    }

    static List<Game> schedule(Platform platform, int count, String name) {
        return IntStream.range(0, count).mapToObj(i -> platform.games().schedule(name + i, BetScenarios.inAnHour()))
                .toList();
    }

    /**
     * In phases, each for all bets at once (the platform works in batches, and a lost webhook then delays a phase,
     * not each bet): offer, wait until every offer is open (or refused), act on each, wait until every act took
     * effect, end the games.
     */
    Outcomes play(RunPlan plan, Midway midway) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
             ExecutorService side = Executors.newSingleThreadExecutor()) {
            Map<BetPlan, String> betIds = new ConcurrentHashMap<>();
            forEach(clients, plan.bets(), bet -> betIds.put(bet, platform.bets().offered(bet.creator(),
                    bet.game().gameId(), bet.selection(), bet.stake()).betId()));
            Map<String, Bet> opened = platform.bets().awaitAll("every offer open or refused", betIds.values(),
                    bet -> bet.status().equals("open") || bet.status().equals("rejected"), STEADY);
            log.info("Run {}: {} offers made", plan.seed(), betIds.size());

            AtomicInteger acted = new AtomicInteger();
            List<Future<?>> midwayDone = new ArrayList<>();
            List<BetPlan> toAct = plan.bets().stream()
                    .filter(bet -> opened.get(betIds.get(bet)).status().equals("open")).toList();
            forEach(clients, toAct, bet -> {
                act(bet, betIds.get(bet));
                if (acted.incrementAndGet() == toAct.size() / 2 && midway != null) {
                    midwayDone.add(side.submit(() -> {
                        midway.run();
                        return null;
                    }));
                }
            });
            List<String> accepted = toAct.stream().filter(bet -> bet.action() == BetPlan.Action.ACCEPT)
                    .map(betIds::get).toList();
            Map<String, Bet> settled = platform.bets().awaitAll("every acceptance matched or failed", accepted,
                    bet -> bet.status().equals("matched") || bet.status().equals("open"), STEADY);
            for (Future<?> done : List.copyOf(midwayDone)) {
                done.get();
            }
            log.info("Run {}: {} offers acted on ({} accepted)", plan.seed(), toAct.size(), accepted.size());

            List<Played> played = plan.bets().stream().map(bet -> {
                String betId = betIds.get(bet);
                String steady = opened.get(betId).status().equals("rejected") ? "rejected"
                        : switch (bet.action()) {
                            case ACCEPT -> settled.get(betId).status();
                            case WITHDRAW -> "withdrawn";
                            case LEAVE_OPEN -> "open";
                        };
                return new Played(bet, betId, steady);
            }).toList();
            return endGames(plan, played);
        }
    }

    private Outcomes endGames(RunPlan plan, List<Played> played) {
        Map<Game, GameResult> results = new ConcurrentHashMap<>();
        plan.cancelled().forEach(game -> platform.games().cancel(game, "randomized run " + plan.seed()));
        plan.simulated().forEach(s -> results.put(s.game(), platform.games().simulate(s.game(), s.simulationSeed())));
        log.info("Run {}: every game ended ({} cancelled, {} simulated)", plan.seed(), plan.cancelled().size(),
                results.size());
        return new Outcomes(played, Map.copyOf(results), Set.copyOf(plan.cancelled()));
    }

    private void act(BetPlan bet, String betId) {
        switch (bet.action()) {
            case ACCEPT -> platform.bets().accept(bet.acceptor(), betId).expect(202, bet + " (" + betId + ") accepted");
            case WITHDRAW -> platform.bets().withdraw(bet.creator(), betId)
                    .expect(202, bet + " (" + betId + ") withdrawn");
            case LEAVE_OPEN -> {
            }
        }
    }

    /** Runs {@code step} for every bet on the clients' threads; fails listing the bets whose step failed. */
    private static void forEach(ExecutorService clients, List<BetPlan> bets, java.util.function.Consumer<BetPlan> step)
            throws InterruptedException {
        List<Future<?>> steps = new ArrayList<>();
        bets.forEach(bet -> steps.add(clients.submit(() -> step.accept(bet))));
        List<String> failures = new ArrayList<>();
        for (Future<?> done : steps) {
            try {
                done.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause().getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + bets.size() + " bets failed a step:\n  "
                    + String.join("\n  ", failures.stream().limit(30).toList()));
        }
    }
}
