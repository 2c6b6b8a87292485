package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.persistence.BetRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a game starts or is cancelled, the offers on it still open end; settlement refunds their stakes on
 * the BetExpired each gets. Settlement must not refund an open offer on the game's cancellation itself: the
 * offer may be matching (the acceptor's escrow in flight) or matched with the news still on its way, and only
 * bet.events, in the bet's own order, says which it was.
 */
@Service
public class OfferExpiry {

    private final BetRepository bets;
    private final BetTransitions transitions;

    OfferExpiry(BetRepository bets, BetTransitions transitions) {
        this.bets = bets;
        this.transitions = transitions;
    }

    /** Runs in the transaction that marks the game started or cancelled, after that update. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int expireOpenOffersOf(String gameId, boolean gameCancelled) {
        int expired = 0;
        for (Bet open : bets.openOn(gameId)) {
            if (!transitions.apply(open.expire(gameCancelled))) {
                throw new ConcurrentBetChangeException(open.betId());
            }
            expired++;
        }
        return expired;
    }
}
