package dev.p2pbet.stats.game.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Plays a basketball-like game: each team scores 85 to 130, made of one-, two- and three-point
 * plays credited to the players who took the floor; rebounds, assists, steals, blocks and
 * turnovers are shared out the same way. The result always passes the result rules (points add
 * up to the score, threes never exceed points) and depends only on the roster and the seed:
 * the same seed gives the same result on every JVM (the LXM generator is fully specified).
 * A draw is possible (about one game in 46) and then settles bets on the winner as a push.
 */
public final class GameSimulator {

    static final String ALGORITHM = "L64X128MixRandom";
    static final int MIN_SCORE = 85;
    static final int MAX_SCORE = 130;
    private static final int PLAYS_PER_HUNDRED = 90;

    public GameResult simulate(Game game, long seed) {
        RandomGenerator random = RandomGeneratorFactory.of(ALGORITHM).create(seed);
        int[] scores = new int[Team.values().length];
        List<StatLine> lines = new ArrayList<>();
        for (Team team : Team.values()) {
            List<RosterPlayer> players = game.roster().stream().filter(player -> player.team() == team).toList();
            int score = MIN_SCORE + random.nextInt(MAX_SCORE - MIN_SCORE + 1);
            scores[team.ordinal()] = score;
            lines.addAll(playTeam(players, score, random));
        }
        return new GameResult(scores[Team.HOME.ordinal()], scores[Team.AWAY.ordinal()], lines);
    }

    private static List<StatLine> playTeam(List<RosterPlayer> players, int score, RandomGenerator random) {
        int size = players.size();
        boolean[] played = new boolean[size];
        boolean anyone = false;
        for (int i = 0; i < size; i++) {
            played[i] = random.nextInt(100) < PLAYS_PER_HUNDRED;
            anyone |= played[i];
        }
        if (!anyone) {
            played[0] = true;
        }
        int[] points = new int[size];
        int[] threes = new int[size];
        int[] usage = weights(played, random);
        int remaining = score;
        while (remaining > 0) {
            int shooter = pick(usage, random);
            int roll = random.nextInt(100);
            int basket = roll < 30 && remaining >= 3 ? 3 : roll < 85 && remaining >= 2 ? 2 : 1;
            points[shooter] += basket;
            if (basket == 3) {
                threes[shooter]++;
            }
            remaining -= basket;
        }
        int[] rebounds = share(35 + random.nextInt(21), played, random);
        int[] assists = share(18 + random.nextInt(13), played, random);
        int[] steals = share(4 + random.nextInt(7), played, random);
        int[] blocks = share(2 + random.nextInt(7), played, random);
        int[] turnovers = share(8 + random.nextInt(11), played, random);
        List<StatLine> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = players.get(i).playerId();
            lines.add(played[i]
                    ? new StatLine(id, true, points[i], rebounds[i], assists[i], steals[i], blocks[i], turnovers[i], threes[i])
                    : StatLine.didNotPlay(id));
        }
        return lines;
    }

    /** A random share (1 to 10) for each player on the floor, 0 for the others. */
    private static int[] weights(boolean[] played, RandomGenerator random) {
        int[] weights = new int[played.length];
        for (int i = 0; i < played.length; i++) {
            weights[i] = played[i] ? 1 + random.nextInt(10) : 0;
        }
        return weights;
    }

    private static int[] share(int total, boolean[] played, RandomGenerator random) {
        int[] weights = weights(played, random);
        int[] counts = new int[played.length];
        for (int i = 0; i < total; i++) {
            counts[pick(weights, random)]++;
        }
        return counts;
    }

    private static int pick(int[] weights, RandomGenerator random) {
        int sum = 0;
        for (int weight : weights) {
            sum += weight;
        }
        int target = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        throw new IllegalStateException("no player to pick");
    }
}
