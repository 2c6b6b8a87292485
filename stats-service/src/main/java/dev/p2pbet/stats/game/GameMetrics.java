package dev.p2pbet.stats.game;

import dev.p2pbet.stats.game.domain.GameStatus;
import dev.p2pbet.stats.game.persistence.GameRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code betting_games{status}}: games per status, read from the database at each scrape (so
 * every replica reports the same numbers); {@code betting_game_simulations_total{trigger}}: results
 * produced by the simulator, by the admin API or automatically.
 */
@Component
public class GameMetrics {

    public enum Trigger { ADMIN, AUTO }

    private final Map<Trigger, Counter> simulations = new EnumMap<>(Trigger.class);

    public GameMetrics(MeterRegistry registry, GameRepository games) {
        for (GameStatus status : GameStatus.values()) {
            Gauge.builder("betting.games", games, repository -> repository.countByStatus(status))
                    .description("Games per status")
                    .tag("status", status.code())
                    .register(registry);
        }
        for (Trigger trigger : Trigger.values()) {
            simulations.put(trigger, Counter.builder("betting.game.simulations")
                    .description("Game results produced by the simulator")
                    .tag("trigger", trigger.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    public void simulationRun(Trigger trigger) {
        simulations.get(trigger).increment();
    }
}
