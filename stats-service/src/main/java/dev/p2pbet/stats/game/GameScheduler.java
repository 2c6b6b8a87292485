package dev.p2pbet.stats.game;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flips games to live at their start time and, with auto-simulation on, finalizes live games
 * with the simulator once their length has passed. Each game is its own transaction (locked and
 * guarded), so several replicas can run this side by side and one bad game does not hold up
 * the others. An auto-simulated game's seed is derived from its id, so a rerun gives the same result.
 */
@Component
public class GameScheduler {

    private static final Logger log = LoggerFactory.getLogger(GameScheduler.class);

    private final GameService games;
    private final GameProperties properties;
    private final GameMetrics metrics;
    private final Clock clock;

    public GameScheduler(GameService games, GameProperties properties, GameMetrics metrics, Clock clock) {
        this.games = games;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${p2pbet.stats.games.start-check-interval:PT5S}",
            initialDelayString = "${p2pbet.stats.games.start-check-interval:PT5S}")
    public void tick() {
        Instant now = clock.instant();
        for (String gameId : games.dueToStart(now, properties.batchSize())) {
            try {
                games.start(gameId);
            } catch (RuntimeException e) {
                log.warn("Could not start game {}", gameId, e);
            }
        }
        if (properties.autoSimulate()) {
            for (String gameId : games.liveSince(now.minus(properties.length()), properties.batchSize())) {
                try {
                    games.simulate(gameId, seedFor(gameId));
                    metrics.simulationRun(GameMetrics.Trigger.AUTO);
                } catch (RuntimeException e) {
                    log.warn("Could not simulate game {}", gameId, e);
                }
            }
        }
    }

    /** {@link String#hashCode()} is specified by the JLS, so the seed is the same on every JVM. */
    public static long seedFor(String gameId) {
        return gameId.hashCode();
    }
}
