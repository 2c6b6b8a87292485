package dev.p2pbet.plumbing.outbox;

import java.time.Duration;

/**
 * When the relay looks at the outbox next. A full batch may have left rows behind, so the relay looks again at once.
 * A smaller batch took every row that was committed when it looked: a row this process committed since then signalled
 * its commit ({@link OutboxCommitSignal} keeps the signal for the next wait), so the relay waits for that signal or
 * the idle pause ({@link IdlePause}). Looking again at once after every batch cost an empty transaction per batch: at
 * a steady rate, half of every relay's looks.
 */
final class RelayPacing {

    private final IdlePause idle;
    private final int batchSize;

    RelayPacing(IdlePause idle, int batchSize) {
        this.idle = idle;
        this.batchSize = batchSize;
    }

    /**
     * After a look that relayed {@code relayed} rows ({@code prompted}: it followed a commit signal or a full batch,
     * not only the idle pause's end): how long to wait for a commit signal before the next look; zero to look again at
     * once.
     */
    Duration afterLook(int relayed, boolean prompted) {
        if (!prompted) {
            idle.afterUnpromptedLook(relayed > 0);
        }
        return relayed >= batchSize ? Duration.ZERO : idle.current();
    }
}
