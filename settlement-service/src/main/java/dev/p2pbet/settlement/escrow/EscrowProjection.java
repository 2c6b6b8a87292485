package dev.p2pbet.settlement.escrow;

import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.settlement.decision.GameDecisions;
import dev.p2pbet.settlement.decision.domain.Outcome;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bets whose stakes are in escrow, from bet.events. A stake counts as held (DESIGN §3) once its
 * escrow-in is confirmed: bet-service publishes BetOpened (the creator's) and BetMatched (the
 * acceptor's) only on the gateway's TransferConfirmed, with the gas that transfer used (gas_in).
 * Every change is guarded by the status it expects, and each event is applied once (inbox).
 */
@Service
public class EscrowProjection {

    static final String CONSUMER = "settlement-service.escrow-projection";
    private static final Logger log = LoggerFactory.getLogger(EscrowProjection.class);

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final GameDecisions decisions;

    EscrowProjection(Inbox inbox, JdbcClient jdbc, GameDecisions decisions) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.decisions = decisions;
    }

    /** {@code trace}: the trace of the bet's creation, continued by the bet's transfers out of escrow. */
    @Transactional
    public void created(String eventId, EscrowedBet bet, String trace) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO escrowed_bets (bet_id, game_id, creator_id, selection_type, selection_side, line_tenths,
                                                   player_id, stat, stake_minor, currency, status, trace_headers)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'escrow_pending', ?)
                        ON CONFLICT (bet_id) DO NOTHING""")
                .params(bet.betId(), bet.gameId(), bet.creatorId(), bet.selection().type().name(),
                        bet.selection().side().name(), bet.selection().lineTenths(), bet.selection().playerId(),
                        bet.selection().stat() == null ? null : bet.selection().stat().name(),
                        bet.stake().amountMinor(), bet.stake().currency(), trace)
                .update();
        // in the bet's trace: settlement's first line about a bet it will later pay or refund under that trace
        log.info("Bet {} on game {} followed for settlement: stake {} {}", bet.betId(), bet.gameId(),
                bet.stake().amountMinor(), bet.stake().currency());
    }

    /** The creator's stake is in the vault: one stake held. */
    @Transactional
    public void opened(String eventId, String betId, Money gasIn) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        int changed = jdbc.sql("""
                        UPDATE escrowed_bets SET status = 'open', stakes_held = 1, creator_gas_minor = ?, updated_at = now()
                        WHERE bet_id = ? AND status = 'escrow_pending'""")
                .params(gasIn.amountMinor(), betId).update();
        ignoredUnless(changed, eventId, betId, "opened");
    }

    /** The acceptor's stake is in the vault too: two stakes held. */
    @Transactional
    public void matched(String eventId, String betId, String acceptorId, Money gasIn) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        Optional<String> game = jdbc.sql("""
                        UPDATE escrowed_bets SET status = 'matched', stakes_held = 2, acceptor_id = ?,
                                                 acceptor_gas_minor = ?, updated_at = now()
                        WHERE bet_id = ? AND status = 'open'
                        RETURNING game_id""")
                .params(acceptorId, gasIn.amountMinor(), betId).query(String.class).optional();
        if (ignoredUnless(game.isPresent() ? 1 : 0, eventId, betId, "matched")) {
            return;
        }
        // a bet whose acceptance reached us after its game's result is decided now
        decisions.decideIfResultKnown(game.get());
    }

    @Transactional
    public void rejected(String eventId, String betId) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        jdbc.sql("UPDATE escrowed_bets SET status = 'rejected', updated_at = now() WHERE bet_id = ? AND status = 'escrow_pending'")
                .param(betId).update();
    }

    /** The creator withdrew the open offer (ADR 0002): refund the one stake. */
    @Transactional
    public void withdrawn(String eventId, String betId) {
        endOffer(eventId, betId, "withdrawn", Outcome.WITHDRAWN);
    }

    /**
     * The game started (ADR 0002) or was cancelled with the offer still open: refund the one stake. The
     * cancellation is the event's word, or ours when bet-service ended the offer on its escrow's outcome.
     */
    @Transactional
    public void expired(String eventId, String betId, boolean gameCancelled) {
        endOffer(eventId, betId, "expired", gameCancelled || gameCancelledOf(betId)
                ? Outcome.CANCELLED : Outcome.UNMATCHED_AT_START);
    }

    private boolean gameCancelledOf(String betId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM game_results r JOIN escrowed_bets b ON b.game_id = r.game_id
                                       WHERE b.bet_id = ? AND r.kind = 'cancelled')""")
                .param(betId).query(Boolean.class).single();
    }

    private void endOffer(String eventId, String betId, String status, Outcome outcome) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        int changed = jdbc.sql("UPDATE escrowed_bets SET status = ?, updated_at = now() WHERE bet_id = ? AND status = 'open'")
                .params(status, betId).update();
        if (!ignoredUnless(changed, eventId, betId, status)) {
            decisions.refundOffer(betId, outcome);
        }
    }

    private static boolean ignoredUnless(int changed, String eventId, String betId, String what) {
        if (changed == 0) {
            log.info("Event {} ({} bet {}) changes nothing: unknown bet or not in the expected status", eventId, what, betId);
            return true;
        }
        return false;
    }
}
