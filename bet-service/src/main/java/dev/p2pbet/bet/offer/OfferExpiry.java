package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.persistence.BetRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** When a game starts, the offers on it still open end; settlement refunds their stakes. */
@Service
public class OfferExpiry {

    private final BetRepository bets;
    private final BetTransitions transitions;

    OfferExpiry(BetRepository bets, BetTransitions transitions) {
        this.bets = bets;
        this.transitions = transitions;
    }

    /** Runs in the transaction that marks the game started, after that update. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int expireOpenOffersOf(String gameId) {
        int expired = 0;
        for (Bet open : bets.openOn(gameId)) {
            if (!transitions.apply(open.expire())) {
                throw new ConcurrentBetChangeException(open.betId());
            }
            expired++;
        }
        return expired;
    }
}
