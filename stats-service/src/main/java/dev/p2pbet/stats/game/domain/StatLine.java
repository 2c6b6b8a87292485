package dev.p2pbet.stats.game.domain;

/** One player's box-score line. A player who did not play has a line of zeros. */
public record StatLine(String playerId, boolean played, int points, int rebounds, int assists, int steals,
                       int blocks, int turnovers, int threesMade) {

    public static StatLine didNotPlay(String playerId) {
        return new StatLine(playerId, false, 0, 0, 0, 0, 0, 0, 0);
    }

    boolean hasNegativeCount() {
        return points < 0 || rebounds < 0 || assists < 0 || steals < 0 || blocks < 0 || turnovers < 0
                || threesMade < 0;
    }

    boolean hasAnyCount() {
        return points != 0 || rebounds != 0 || assists != 0 || steals != 0 || blocks != 0 || turnovers != 0
                || threesMade != 0;
    }
}
