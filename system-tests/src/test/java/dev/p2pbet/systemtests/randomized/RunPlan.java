package dev.p2pbet.systemtests.randomized;

import dev.p2pbet.systemtests.clients.Game;
import dev.p2pbet.systemtests.clients.Selection;
import dev.p2pbet.systemtests.clients.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Everything random in a run, drawn from one seed: the bets (game, selection, line, stake, creator, what happens
 * to each offer) and each game's end (cancelled, or simulated with a seed). The same seed gives the same plan.
 */
record RunPlan(long seed, List<BetPlan> bets, List<Game> cancelled, List<SimulatedGame> simulated) {

    private static final String[] STATS = {"POINTS", "REBOUNDS", "ASSISTS", "STEALS", "BLOCKS", "TURNOVERS",
            "THREES_MADE"};
    private static final int[] HIGHEST_LINE = {300, 120, 100, 40, 40, 50, 60};

    record SimulatedGame(Game game, long simulationSeed) {
    }

    /** The first game is cancelled; the others end with the simulator. */
    static RunPlan draw(long seed, int betCount, List<User> users, List<Game> games) {
        Random random = new Random(seed);
        List<User> creators = new ArrayList<>();
        while (creators.size() < betCount) {
            creators.addAll(users);
        }
        Collections.shuffle(creators, random);   // every user offers about the same number (a user may have 20 open)
        List<BetPlan> bets = new ArrayList<>();
        for (int i = 0; i < betCount; i++) {
            Game game = games.get(random.nextInt(games.size()));
            User creator = creators.get(i);
            long stake = 100 + random.nextInt(4_901);
            int roll = random.nextInt(100);
            BetPlan.Action action = roll < 70 ? BetPlan.Action.ACCEPT
                    : roll < 80 ? BetPlan.Action.WITHDRAW : BetPlan.Action.LEAVE_OPEN;
            User acceptor = null;
            if (action == BetPlan.Action.ACCEPT) {
                do {
                    acceptor = users.get(random.nextInt(users.size()));
                } while (acceptor.equals(creator));
            }
            bets.add(new BetPlan(i, game, creator, selection(random, game), stake, action, acceptor));
        }
        List<SimulatedGame> simulated = games.subList(1, games.size()).stream()
                .map(game -> new SimulatedGame(game, random.nextLong())).toList();
        return new RunPlan(seed, List.copyOf(bets), List.of(games.getFirst()), simulated);
    }

    /** Lines in whole and half points, so that some results land exactly on the line (a push). */
    private static Selection selection(Random random, Game game) {
        String overUnder = random.nextBoolean() ? "OVER" : "UNDER";
        return switch (random.nextInt(3)) {
            case 0 -> Selection.gameWinner(random.nextBoolean() ? "HOME" : "AWAY");
            case 1 -> Selection.totalPoints(overUnder, 1_800 + 5L * random.nextInt(141));
            default -> {
                int stat = random.nextInt(STATS.length);
                String player = game.roster().get(random.nextInt(game.roster().size()));
                long line = 5 + 5L * random.nextInt(HIGHEST_LINE[stat] / 5);
                yield Selection.playerStat(player, STATS[stat], overUnder, line);
            }
        };
    }
}
