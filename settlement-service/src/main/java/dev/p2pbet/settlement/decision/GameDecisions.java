package dev.p2pbet.settlement.decision;

import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.settlement.SettlementProperties;
import dev.p2pbet.settlement.audit.LiquidityAuditor;
import dev.p2pbet.settlement.decision.domain.GameResult;
import dev.p2pbet.settlement.decision.domain.Outcome;
import dev.p2pbet.settlement.decision.domain.PayoutSplit;
import dev.p2pbet.settlement.decision.domain.PlayerStat;
import dev.p2pbet.settlement.decision.domain.Selection;
import dev.p2pbet.settlement.decision.domain.SelectionSide;
import dev.p2pbet.settlement.decision.domain.SelectionType;
import dev.p2pbet.settlement.decision.domain.StatLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides every bet of a game once its result is known, in one transaction and set-based: the bets
 * are read in one query, decided in memory by the pure {@link Outcome} rules, written in one batch,
 * and their projection rows moved to {@code decided} by one guarded update. One decision per bet,
 * ever (the settlements primary key). Then a liquidity audit is asked for: nothing moves before it.
 */
@Service
public class GameDecisions {

    static final String CONSUMER = "settlement-service.game-decisions";

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SettlementProperties properties;
    private final LiquidityAuditor auditor;

    GameDecisions(Inbox inbox, JdbcClient jdbc, JdbcTemplate batch, SettlementProperties properties,
                  LiquidityAuditor auditor) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.batch = batch;
        this.properties = properties;
        this.auditor = auditor;
    }

    @Transactional
    public void finalized(String eventId, String gameId, GameResult result) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        int recorded = jdbc.sql("""
                        INSERT INTO game_results (game_id, kind, home_score, away_score) VALUES (?, 'finalized', ?, ?)
                        ON CONFLICT (game_id) DO NOTHING""")
                .params(gameId, result.homeScore(), result.awayScore()).update();
        if (recorded == 1) {
            List<Object[]> lines = result.statLines().values().stream().map(l -> new Object[] {gameId, l.playerId(),
                    l.played(), l.points(), l.rebounds(), l.assists(), l.steals(), l.blocks(), l.turnovers(),
                    l.threesMade()}).toList();
            batch.batchUpdate("""
                    INSERT INTO game_stat_lines (game_id, player_id, played, points, rebounds, assists, steals, blocks,
                                                 turnovers, threes_made) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
        }
        decideIfResultKnown(gameId);
    }

    @Transactional
    public void cancelled(String eventId, String gameId) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        jdbc.sql("INSERT INTO game_results (game_id, kind) VALUES (?, 'cancelled') ON CONFLICT (game_id) DO NOTHING")
                .param(gameId).update();
        decideIfResultKnown(gameId);
    }

    /**
     * Decides the game's matched bets that are still undecided, if its result is known: on a final result
     * by the result, on a cancellation each stake goes back. An offer still open here is not decided, not
     * even on a cancellation: its acceptance may be in flight or already on its way on bet.events, and a
     * refund of the creator alone would strand the acceptor's stake in the vault. bet-service ends the
     * offer (BetExpired) after any acceptance, in the bet's order, and {@link #refundOffer} refunds it then.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decideIfResultKnown(String gameId) {
        Optional<String> kind = jdbc.sql("SELECT kind FROM game_results WHERE game_id = ?").param(gameId)
                .query(String.class).optional();
        if (kind.isEmpty()) {
            return;
        }
        boolean cancelled = kind.get().equals("cancelled");
        List<Candidate> bets = jdbc.sql("""
                        SELECT bet_id, creator_id, acceptor_id, selection_type, selection_side, line_tenths, player_id,
                               stat, stake_minor, currency
                        FROM escrowed_bets WHERE game_id = ? AND status = ANY(?)
                        ORDER BY bet_id FOR UPDATE""")
                .params(gameId, new String[] {"matched"})
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3),
                        new Selection(SelectionType.valueOf(rs.getString(4)), SelectionSide.valueOf(rs.getString(5)),
                                (Long) rs.getObject(6), rs.getString(7),
                                rs.getString(8) == null ? null : PlayerStat.valueOf(rs.getString(8))),
                        Money.of(rs.getLong(9), rs.getString(10).trim())))
                .list();
        if (bets.isEmpty()) {
            return;
        }
        GameResult result = cancelled ? null : result(gameId);
        List<Object[]> rows = new ArrayList<>(bets.size());
        for (Candidate bet : bets) {
            Outcome outcome = cancelled ? Outcome.CANCELLED : Outcome.of(bet.selection(), result);
            rows.add(row(gameId, bet, outcome));
        }
        insert(rows);
        jdbc.sql("UPDATE escrowed_bets SET status = 'decided', updated_at = now() WHERE bet_id = ANY(?) AND status = 'matched'")
                .params((Object) bets.stream().map(Candidate::betId).toArray(String[]::new))
                .update();
        auditor.requestIfIdle(gameId);
    }

    /** A withdrawn or expired offer: its one stake goes back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundOffer(String betId, Outcome outcome) {
        int decided = jdbc.sql("""
                        INSERT INTO settlements (bet_id, game_id, outcome, stake_minor, currency, status)
                        SELECT bet_id, game_id, ?, stake_minor, currency, 'decided' FROM escrowed_bets WHERE bet_id = ?
                        ON CONFLICT (bet_id) DO NOTHING""")
                .params(outcome.name(), betId).update();
        if (decided == 1) {
            jdbc.sql("SELECT game_id FROM escrowed_bets WHERE bet_id = ?").param(betId).query(String.class).optional()
                    .ifPresent(auditor::requestIfIdle);
        }
    }

    private Object[] row(String gameId, Candidate bet, Outcome outcome) {
        String winner = null;
        String loser = null;
        Long pot = null;
        Long payout = null;
        Long fee = null;
        if (!outcome.isRefund()) {
            boolean creatorWins = outcome == Outcome.CREATOR_WINS;
            winner = creatorWins ? bet.creatorId() : bet.acceptorId();
            loser = creatorWins ? bet.acceptorId() : bet.creatorId();
            PayoutSplit split = PayoutSplit.of(bet.stake(), properties.feeBps());
            pot = split.pot().amountMinor();
            payout = split.toWinner().amountMinor();
            fee = split.fee().amountMinor();
        }
        return new Object[] {bet.betId(), gameId, outcome.name(), winner, loser, bet.stake().amountMinor(), pot, payout,
                fee, bet.stake().currency()};
    }

    private void insert(List<Object[]> rows) {
        batch.batchUpdate("""
                INSERT INTO settlements (bet_id, game_id, outcome, winner_id, loser_id, stake_minor, pot_minor,
                                         payout_minor, fee_minor, currency, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'decided')
                ON CONFLICT (bet_id) DO NOTHING""", rows);
    }

    private GameResult result(String gameId) {
        GameResult score = jdbc.sql("SELECT home_score, away_score FROM game_results WHERE game_id = ?").param(gameId)
                .query((rs, n) -> new GameResult(rs.getInt(1), rs.getInt(2), java.util.Map.of())).single();
        List<StatLine> lines = jdbc.sql("""
                        SELECT player_id, played, points, rebounds, assists, steals, blocks, turnovers, threes_made
                        FROM game_stat_lines WHERE game_id = ?""")
                .param(gameId)
                .query((rs, n) -> new StatLine(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
                .list();
        return GameResult.of(score.homeScore(), score.awayScore(), lines);
    }

    private record Candidate(String betId, String creatorId, String acceptorId, Selection selection, Money stake) {
    }
}
