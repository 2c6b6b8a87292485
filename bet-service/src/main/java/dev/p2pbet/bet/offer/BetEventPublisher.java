package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.BetEvent;
import java.util.List;

/**
 * Port to the topics: publishes what a transition caused on {@code bet.events}, and the escrow-in
 * commands an offer or an acceptance needs, in the caller's transaction.
 */
public interface BetEventPublisher {

    void publish(List<BetEvent> events);
}
