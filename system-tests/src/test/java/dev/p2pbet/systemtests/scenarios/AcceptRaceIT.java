package dev.p2pbet.systemtests.scenarios;

import static dev.p2pbet.systemtests.support.BetScenarios.ESCROW;
import static dev.p2pbet.systemtests.support.BetScenarios.SETTLEMENT;
import static dev.p2pbet.systemtests.support.BetScenarios.inAnHour;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.systemtests.books.RecordedTransfers;
import dev.p2pbet.systemtests.clients.Bet;
import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import dev.p2pbet.systemtests.support.BetScenarios;
import dev.p2pbet.systemtests.support.HttpJson;
import dev.p2pbet.systemtests.support.Locks;
import dev.p2pbet.systemtests.support.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Users racing for the same offer: exactly one gets it; the others are told so and keep their money. */
@ResourceLock(value = Locks.PLATFORM_BOOKS, mode = ResourceAccessMode.READ)
class AcceptRaceIT {

    private static final int RACERS = 20;
    private static final long FUNDS = 5_000;
    private static final long STAKE = 1_000;

    private static Platform platform;
    private static BetScenarios scenarios;

    @BeforeAll
    static void platform() {
        platform = Platform.shared();
        scenarios = new BetScenarios(platform);
    }

    @Test
    void twenty_users_racing_to_accept_one_bet_one_wins_and_the_rest_are_refused_without_moving_money()
            throws Exception {
        User creator = platform.users().signUp("rachel", FUNDS);
        List<User> racers = IntStream.range(0, RACERS).parallel()
                .mapToObj(i -> platform.users().signUp("racer" + i, FUNDS)).toList();
        Game game = platform.games().schedule("race", inAnHour());
        Bet open = scenarios.anOpenOffer(creator, game, Selection.gameWinner("HOME"), STAKE);

        List<HttpJson.Response> answers = raceToAccept(racers, open.betId());

        List<User> winners = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            HttpJson.Response answer = answers.get(i);
            if (answer.status() == 202) {
                winners.add(racers.get(i));
            } else {
                assertThat(answer.status()).as("a late acceptance: " + answer.text()).isEqualTo(409);
                assertThat(answer.reason()).isEqualTo("BET_NOT_OPEN");
                assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
            }
        }
        assertThat(winners).as("acceptances taken").hasSize(1);
        User winner = winners.getFirst();

        Bet matched = platform.bets().awaitStatus(open.betId(), ESCROW, "matched");
        assertThat(matched.acceptorId()).isEqualTo(winner.id());
        RecordedTransfers recorded = RecordedTransfers.of(platform.topics(), List.of(open.betId()));
        assertThat(recorded.commanded(open.betId()).stream().filter(id -> id.contains(":escrow-acceptor")))
                .as("escrow-in commands for acceptors").hasSize(1);
        for (User racer : racers) {
            assertThat(scenarios.balanceOf(racer)).as(racer + "'s wallet")
                    .isEqualTo(racer.equals(winner) ? FUNDS - STAKE : FUNDS);
        }

        platform.games().cancel(game, "race over");
        platform.bets().awaitStatus(open.betId(), SETTLEMENT, "refunded");
    }

    /** Every racer ready on its own thread, then all released at once. */
    private static List<HttpJson.Response> raceToAccept(List<User> racers, String betId) throws Exception {
        CountDownLatch ready = new CountDownLatch(racers.size());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(racers.size())) {
            List<Future<HttpJson.Response>> answers = racers.stream().map(racer -> threads.submit(() -> {
                ready.countDown();
                go.await();
                return platform.bets().accept(racer, betId);
            })).toList();
            ready.await();
            go.countDown();
            List<HttpJson.Response> all = new ArrayList<>();
            for (Future<HttpJson.Response> answer : answers) {
                all.add(answer.get());
            }
            return all;
        }
    }
}
