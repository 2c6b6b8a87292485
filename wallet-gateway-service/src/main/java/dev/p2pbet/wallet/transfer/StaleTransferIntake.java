package dev.p2pbet.wallet.transfer;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How one reconciler run takes up the transfers stale in one status: while the provider's circuit is closed, it
 * claims them a batch at a time and hands each over to the provider call threads; while it is not, it drives the
 * oldest one on its own thread, unclaimed, as a probe, and goes on only while the probes move their transfers on.
 *
 * <p>Open, the circuit refuses every call; half-open, it lets a few through and refuses the others. A batch claimed
 * then would be refused for nothing, and claiming puts a transfer off for another {@code requested-after}; left
 * unclaimed, the whole backlog, probes included, is taken up the moment a probe finds the provider answering and
 * the circuit closes. The run ends because a claimed transfer is not stale again for a while, and a probe that moved
 * its transfer on took it out of the stale ones.
 */
final class StaleTransferIntake {

    static final int BATCH = 50;

    private final IntFunction<List<String>> claim;
    private final Supplier<Optional<String>> oldest;
    private final BooleanSupplier circuitClosed;
    private final Consumer<Runnable> handOver;

    /**
     * @param claim         claims up to n stale transfers (they stop being stale for a while) and returns their ids
     * @param oldest        the oldest stale transfer, left stale
     * @param circuitClosed whether the provider's circuit breaker is closed
     * @param handOver      runs a transfer's calls on a provider call thread
     */
    StaleTransferIntake(IntFunction<List<String>> claim, Supplier<Optional<String>> oldest,
                        BooleanSupplier circuitClosed, Consumer<Runnable> handOver) {
        this.claim = claim;
        this.oldest = oldest;
        this.circuitClosed = circuitClosed;
        this.handOver = handOver;
    }

    /**
     * Takes every stale transfer up, or stops at the first probe that does not move its transfer on;
     * {@code movedOn} drives one transfer and says whether it left its status. Returns how many it drove.
     */
    int takeUp(Predicate<String> movedOn) {
        int taken = 0;
        while (true) {
            if (circuitClosed.getAsBoolean()) {
                List<String> claimed = claim.apply(BATCH);
                claimed.forEach(id -> handOver.accept(() -> movedOn.test(id)));
                taken += claimed.size();
                if (claimed.size() < BATCH) {
                    return taken;
                }
            } else {
                Optional<String> probe = oldest.get();
                if (probe.isEmpty()) {
                    return taken;
                }
                taken++;
                if (!movedOn.test(probe.get())) {
                    return taken;
                }
            }
        }
    }
}
