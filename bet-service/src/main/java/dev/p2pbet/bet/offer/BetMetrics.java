package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.BetEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts what committed: offers, acceptances that won the race, refused acceptances by reason,
 * matches, rejections by reason; and times an offer from creation to open (the creator's escrow-in).
 * Named {@code betting.*} like every business metric, as the operations dashboard queries them.
 */
@Component
public class BetMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter offers;
    private final Counter accepted;
    private final Counter matches;
    private final Timer createToOpen;

    BetMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.offers = Counter.builder("betting.bets.offered").description("Offers created").register(registry);
        this.accepted = Counter.builder("betting.bets.accepted")
                .description("Acceptances that won the race for an open offer").register(registry);
        this.matches = Counter.builder("betting.bets.matched").description("Bets matched (both stakes in escrow)")
                .register(registry);
        this.createToOpen = Timer.builder("betting.bet.time.to.open")
                .description("From an offer's creation to its opening (the creator's stake confirmed in escrow)")
                .publishPercentileHistogram()
                .register(registry);
    }

    @TransactionalEventListener
    void on(BetChanged changed) {
        for (BetEvent event : changed.events()) {
            switch (event) {
                case BetEvent.Created c -> offers.increment();
                case BetEvent.AcceptRequested a -> accepted.increment();
                case BetEvent.Matched m -> matches.increment();
                case BetEvent.Rejected r -> rejection(r.reason().name());
                case BetEvent.Opened o -> createToOpen.record(
                        Duration.between(changed.bet().createdAt(), clock.instant()));
                default -> {
                }
            }
        }
    }

    /** An acceptance refused: lost the race, own bet, game started, ... */
    public void acceptRefused(String reason) {
        registry.counter("betting.bets.accept.refused", "reason", reason).increment();
    }

    private void rejection(String reason) {
        registry.counter("betting.bets.rejected", "reason", reason).increment();
    }
}
