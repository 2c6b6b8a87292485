package dev.p2pbet.bet.game;

import dev.p2pbet.bet.game.domain.GameStatus;
import dev.p2pbet.bet.game.domain.RosterPlayer;
import dev.p2pbet.bet.game.persistence.GameRepository;
import dev.p2pbet.bet.offer.OfferExpiry;
import dev.p2pbet.plumbing.inbox.Inbox;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the games projection from {@code game.events}: a scheduled game takes offers; its start
 * or its cancellation ends the offers still open; a cancelled or final game takes nothing more
 * (settlement refunds or decides the bets on it).
 */
@Service
public class GameProjection {

    static final String CONSUMER = "bet-service.games";
    private static final Logger log = LoggerFactory.getLogger(GameProjection.class);

    private final Inbox inbox;
    private final GameRepository games;
    private final OfferExpiry expiry;

    GameProjection(Inbox inbox, GameRepository games, OfferExpiry expiry) {
        this.inbox = inbox;
        this.games = games;
        this.expiry = expiry;
    }

    @Transactional
    public void scheduled(String eventId, String gameId, String homeTeam, String awayTeam, Instant startsAt,
                          List<RosterPlayer> roster) {
        if (inbox.firstDelivery(CONSUMER, eventId) && !games.schedule(gameId, homeTeam, awayTeam, startsAt, roster)) {
            log.info("Game {} has left the schedule: a new schedule for it changes nothing", gameId);
        }
    }

    @Transactional
    public void started(String eventId, String gameId) {
        if (inbox.firstDelivery(CONSUMER, eventId) && games.move(gameId, GameStatus.LIVE, GameStatus.SCHEDULED)) {
            int expired = expiry.expireOpenOffersOf(gameId, false);
            log.info("Game {} started: {} open offers expired", gameId, expired);
        }
    }

    @Transactional
    public void cancelled(String eventId, String gameId) {
        if (inbox.firstDelivery(CONSUMER, eventId)
                && games.move(gameId, GameStatus.CANCELLED, GameStatus.SCHEDULED, GameStatus.LIVE)) {
            int expired = expiry.expireOpenOffersOf(gameId, true);
            log.info("Game {} cancelled: {} open offers expired", gameId, expired);
        }
    }

    @Transactional
    public void finalized(String eventId, String gameId) {
        if (inbox.firstDelivery(CONSUMER, eventId)) {
            games.move(gameId, GameStatus.FINAL, GameStatus.SCHEDULED, GameStatus.LIVE);
        }
    }
}
