package dev.p2pbet.loadtests;

/** Every bet of a run stakes the same small amount (the bet service's minimum), so funding is simple arithmetic. */
final class Stakes {

    static final long STAKE_MINOR = 100;

    private Stakes() {
    }

    /** A deposit that covers {@code bets} stakes with room to spare (the gas is sponsored by PLATFORM_OPS). */
    static long depositFor(long bets) {
        return Math.max(10_000, bets * STAKE_MINOR * 2);
    }
}
