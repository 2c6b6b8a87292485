package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.game.domain.Game;
import dev.p2pbet.bet.game.persistence.GameRepository;
import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.FailureReason;
import dev.p2pbet.bet.offer.domain.IllegalBetTransitionException;
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
 * The escrow saga's answers from the wallet gateway: the creator's stake in the vault opens the
 * offer (or its failure rejects it); the acceptor's matches the bet (or its failure reopens the
 * offer). A redelivered, duplicate or late outcome changes nothing.
 */
@Service
public class EscrowSaga {

    static final String CONSUMER = "bet-service.escrow-saga";
    private static final Logger log = LoggerFactory.getLogger(EscrowSaga.class);

    private final Inbox inbox;
    private final BetRepository bets;
    private final GameRepository games;
    private final BetTransitions transitions;

    EscrowSaga(Inbox inbox, BetRepository bets, GameRepository games, BetTransitions transitions) {
        this.inbox = inbox;
        this.bets = bets;
        this.games = games;
        this.transitions = transitions;
    }

    /** Which escrow-in of a bet a transfer is. */
    public sealed interface EscrowLeg {
        record Creator() implements EscrowLeg {
        }

        record Acceptor(int attempt) implements EscrowLeg {
        }
    }

    @Transactional
    public void confirmed(String eventId, String betId, EscrowLeg leg, Money gasUsed) {
        apply(eventId, betId, bet -> switch (leg) {
            case EscrowLeg.Creator c -> bet.confirmCreatorEscrow(gasUsed, gameOpen(bet));
            case EscrowLeg.Acceptor a -> bet.confirmAcceptorEscrow(a.attempt(), gasUsed);
        });
    }

    @Transactional
    public void failed(String eventId, String betId, EscrowLeg leg, FailureReason reason, String message) {
        apply(eventId, betId, bet -> switch (leg) {
            case EscrowLeg.Creator c -> bet.rejectCreatorEscrow(reason, message);
            case EscrowLeg.Acceptor a -> bet.failAcceptorEscrow(a.attempt(), reason, message, gameOpen(bet));
        });
    }

    private boolean gameOpen(Bet bet) {
        return games.findLocked(bet.gameId()).map(Game::openForBetting).orElse(false);
    }

    private void apply(String eventId, String betId, Function<Bet, Transition> transition) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        Optional<Bet> bet = bets.find(betId);
        if (bet.isEmpty()) {
            log.warn("Escrow outcome {} is for bet {}, which this service does not know", eventId, betId);
            return;
        }
        try {
            if (!transitions.apply(transition.apply(bet.get()))) {
                throw new ConcurrentBetChangeException(betId);
            }
        } catch (IllegalBetTransitionException e) {
            log.info("Escrow outcome {} changes nothing: {}", eventId, e.getMessage());
        }
    }
}
