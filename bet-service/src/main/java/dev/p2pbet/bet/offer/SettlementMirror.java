package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.IllegalBetTransitionException;
import dev.p2pbet.bet.offer.domain.RefundReason;
import dev.p2pbet.bet.offer.domain.Transition;
import dev.p2pbet.bet.offer.persistence.BetRepository;
import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.plumbing.money.Money;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors settlement's decisions on the bet: payout commanded (settling), held for gas
 * (high_gas_wait), payout confirmed (won/lost with the winner), stakes refunded (refunded
 * once every stake is back). A duplicate or late event changes nothing.
 */
@Service
public class SettlementMirror {

    static final String CONSUMER = "bet-service.settlement-mirror";
    private static final Logger log = LoggerFactory.getLogger(SettlementMirror.class);

    private final Inbox inbox;
    private final BetRepository bets;
    private final BetTransitions transitions;

    SettlementMirror(Inbox inbox, BetRepository bets, BetTransitions transitions) {
        this.inbox = inbox;
        this.bets = bets;
        this.transitions = transitions;
    }

    @Transactional
    public void payoutCommanded(String eventId, String betId) {
        apply(eventId, betId, Bet::startSettling);
    }

    @Transactional
    public void heldForGas(String eventId, String betId) {
        apply(eventId, betId, Bet::holdForGas);
    }

    @Transactional
    public void settled(String eventId, String betId, String winnerId, String loserId, Money payout, Money fee) {
        apply(eventId, betId, bet -> bet.settle(winnerId, loserId, payout, fee));
    }

    @Transactional
    public void stakeRefunded(String eventId, String betId, String userId, Money refunded, RefundReason reason) {
        apply(eventId, betId, bet -> bet.refundStake(userId, refunded, reason));
    }

    private void apply(String eventId, String betId, Function<Bet, Transition> transition) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        Optional<Bet> bet = bets.find(betId);
        if (bet.isEmpty()) {
            log.warn("Settlement event {} is for bet {}, which this service does not know", eventId, betId);
            return;
        }
        try {
            if (!transitions.apply(transition.apply(bet.get()))) {
                throw new ConcurrentBetChangeException(betId);
            }
        } catch (IllegalBetTransitionException e) {
            log.info("Settlement event {} changes nothing: {}", eventId, e.getMessage());
        }
    }
}
