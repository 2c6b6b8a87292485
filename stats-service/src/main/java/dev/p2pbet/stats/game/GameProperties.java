package dev.p2pbet.stats.game;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code p2pbet.stats.games}.
 *
 * @param startCheckInterval how often the scheduler looks for games to start (and, with
 *                           auto-simulation, to finish); a game goes live at most this late
 * @param autoSimulate       when true, the simulator finalizes every live game once
 *                           {@code length} has passed since its scheduled start (off by default:
 *                           results come from the feed)
 * @param length             how long a game lasts, for auto-simulation
 * @param batchSize          the most games started or simulated per check
 */
@ConfigurationProperties("p2pbet.stats.games")
public record GameProperties(@DefaultValue("PT5S") Duration startCheckInterval,
                             @DefaultValue("false") boolean autoSimulate,
                             @DefaultValue("PT2H") Duration length,
                             @DefaultValue("100") int batchSize) {
}
