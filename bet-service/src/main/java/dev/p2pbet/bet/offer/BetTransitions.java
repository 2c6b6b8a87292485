package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.Transition;
import dev.p2pbet.bet.offer.persistence.BetRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a transition and what it caused in one transaction: the guarded update first (its row
 * lock orders the bet's outbox records), then the events on the outbox.
 */
@Component
public class BetTransitions {

    private final BetRepository bets;
    private final BetEventPublisher publisher;
    private final ApplicationEventPublisher announcements;

    BetTransitions(BetRepository bets, BetEventPublisher publisher, ApplicationEventPublisher announcements) {
        this.bets = bets;
        this.publisher = publisher;
        this.announcements = announcements;
    }

    /** Stores a new bet. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void create(Transition transition, String idempotencyKey) {
        bets.insert(transition.bet(), idempotencyKey);
        published(transition);
    }

    /** Applies a transition of a stored bet; false (and nothing written) when the bet changed meanwhile. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(Transition transition) {
        if (!bets.update(transition)) {
            return false;
        }
        published(transition);
        return true;
    }

    private void published(Transition transition) {
        publisher.publish(transition.events());
        announcements.publishEvent(new BetChanged(transition.bet(), transition.from(), transition.events()));
    }
}
