package dev.p2pbet.stats.game.domain;

/** Where a final result came from: posted through the admin/feed API, or the simulator with its seed. */
public record ResultSource(Kind kind, Long seed) {

    public enum Kind { POSTED, SIMULATED }

    public static ResultSource posted() {
        return new ResultSource(Kind.POSTED, null);
    }

    public static ResultSource simulated(long seed) {
        return new ResultSource(Kind.SIMULATED, seed);
    }
}
