package dev.p2pbet.plumbing.outbox;

import java.time.Duration;

/**
 * How long the relay waits for a commit signal before it looks at an empty outbox anyway. Rows this process appends
 * wake the relay at their commit ({@link OutboxCommitSignal}); a look without a signal finds only rows another writer
 * committed (a replica that died after its commit, SQL by hand), and at a fixed 20 ms those empty looks were half of an
 * idle service's CPU. So each look that finds nothing doubles the pause, up to its longest; a look that finds rows
 * brings it back to its shortest, as another writer is at work.
 */
final class IdlePause {

    private final Duration shortest;
    private final Duration longest;
    private Duration current;

    IdlePause(Duration shortest, Duration longest) {
        this.shortest = shortest;
        this.longest = longest.compareTo(shortest) < 0 ? shortest : longest;
        this.current = shortest;
    }

    Duration current() {
        return current;
    }

    /** After a look that no commit signal prompted. */
    void afterUnpromptedLook(boolean foundRows) {
        Duration doubled = current.multipliedBy(2);
        current = foundRows ? shortest : doubled.compareTo(longest) > 0 ? longest : doubled;
    }
}
