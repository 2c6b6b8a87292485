package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.game.domain.Game;
import dev.p2pbet.bet.game.persistence.GameRepository;
import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.BetRuleViolation;
import dev.p2pbet.bet.offer.domain.BetRules;
import dev.p2pbet.bet.offer.domain.IllegalBetTransitionException;
import dev.p2pbet.bet.offer.domain.Selection;
import dev.p2pbet.bet.offer.domain.Transition;
import dev.p2pbet.bet.offer.persistence.BetRepository;
import dev.p2pbet.plumbing.money.Money;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users do with bets: offer, accept, withdraw. Each runs in one transaction that either
 * stores the transition with its events and commands, or refuses and writes nothing.
 */
@Service
public class OfferService {

    private final BetRepository bets;
    private final GameRepository games;
    private final BetTransitions transitions;
    private final BetRules rules;
    private final Clock clock;

    OfferService(BetRepository bets, GameRepository games, BetTransitions transitions, BetRules rules, Clock clock) {
        this.bets = bets;
        this.games = games;
        this.transitions = transitions;
        this.rules = rules;
        this.clock = clock;
    }

    /** An offer as asked for. */
    public record Offer(String gameId, Selection selection, Money stake) {
    }

    /** The bet, and whether this request created it (false: an earlier one with the same key did). */
    public record Offered(Bet bet, boolean created) {
    }

    /**
     * Creates an offer and commands the creator's escrow-in. With an idempotency key, a repeated
     * request (a double click, a retry) answers the bet the first one created.
     */
    @Transactional
    public Offered offer(String creatorId, Offer offer, String idempotencyKey) {
        bets.lockCreator(creatorId);
        if (idempotencyKey != null) {
            Optional<Bet> earlier = bets.findByIdempotencyKey(creatorId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Offered(sameOffer(earlier.get(), offer), false);
            }
        }
        Game game = games.findLocked(offer.gameId())
                .orElseThrow(() -> new BetRuleViolation("UNKNOWN_GAME", "There is no game " + offer.gameId() + "."));
        Transition created = Bet.offer(UUID.randomUUID().toString(), creatorId, game, offer.selection(),
                offer.stake(), rules, bets.countInFlight(creatorId), clock.instant().truncatedTo(ChronoUnit.MICROS));
        transitions.create(created, idempotencyKey);
        return new Offered(created.bet(), true);
    }

    /**
     * Accepts an open offer and commands the acceptor's escrow-in. Of any number of concurrent
     * acceptances the guarded update lets exactly one through; the others are refused and
     * command nothing.
     */
    @Transactional
    public Bet accept(String betId, String userId) {
        Bet bet = find(betId);
        Game game = games.findLocked(bet.gameId()).orElseThrow(() -> new IllegalStateException(
                "bet " + betId + " is on game " + bet.gameId() + ", which the projection does not know"));
        Transition accepted = bet.accept(userId, game);
        if (!transitions.apply(accepted)) {
            throw new IllegalBetTransitionException(betId, bets.find(betId).map(Bet::status).orElseThrow(),
                    "be accepted");
        }
        return accepted.bet();
    }

    /** The creator withdraws an open offer; settlement refunds the stake. */
    @Transactional
    public Bet withdraw(String betId, String userId) {
        Transition withdrawn = find(betId).withdraw(userId);
        if (!transitions.apply(withdrawn)) {
            throw new IllegalBetTransitionException(betId, bets.find(betId).map(Bet::status).orElseThrow(),
                    "be withdrawn");
        }
        return withdrawn.bet();
    }

    @Transactional(readOnly = true)
    public Bet find(String betId) {
        return bets.find(betId).orElseThrow(() -> new BetNotFoundException(betId));
    }

    private static Bet sameOffer(Bet earlier, Offer offer) {
        if (!earlier.gameId().equals(offer.gameId()) || !earlier.selection().equals(offer.selection())
                || !earlier.stake().equals(offer.stake())) {
            throw new BetRuleViolation("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different offer (bet " + earlier.betId() + ").");
        }
        return earlier;
    }
}
