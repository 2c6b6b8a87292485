package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.BetEvent;
import dev.p2pbet.bet.offer.domain.BetStatus;
import java.util.List;

/**
 * A stored transition, announced in-process once its transaction commits: metrics count it and
 * the event streams push it to the users. {@code from} is null for a new bet.
 */
public record BetChanged(Bet bet, BetStatus from, List<BetEvent> events) {
}
