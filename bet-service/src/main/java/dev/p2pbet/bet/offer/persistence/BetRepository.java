package dev.p2pbet.bet.offer.persistence;

import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.BetStatus;
import dev.p2pbet.bet.offer.domain.PlayerStat;
import dev.p2pbet.bet.offer.domain.Selection;
import dev.p2pbet.bet.offer.domain.SelectionSide;
import dev.p2pbet.bet.offer.domain.SelectionType;
import dev.p2pbet.bet.offer.domain.Transition;
import dev.p2pbet.plumbing.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bets table. Every status change is a guarded update ({@code WHERE status = <from>}): of
 * two transactions that start from the same status only the first one changes the row, so a
 * race (fifty acceptances of one offer) has exactly one winner and a duplicate event is a no-op.
 */
@Repository
public class BetRepository {

    static final String COLUMNS = """
            bet_id, game_id, creator_id, acceptor_id, pending_acceptor_id, selection_type, selection_side,
            line_tenths, player_id, stat, stake_minor, currency, status, status_reason, status_detail,
            accept_attempts, winner_id, creator_refund_minor, acceptor_refund_minor, created_at""";

    private final JdbcClient jdbc;

    public BetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Bet bet, String idempotencyKey) {
        Selection selection = bet.selection();
        jdbc.sql("""
                        INSERT INTO bets (bet_id, game_id, creator_id, selection_type, selection_side, line_tenths,
                            player_id, stat, stake_minor, currency, status, idempotency_key, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.fromString(bet.betId()), bet.gameId(), bet.creatorId(), selection.type().name(),
                        selection.side().name(), selection.lineTenths(), selection.playerId(),
                        selection.stat() == null ? null : selection.stat().name(), bet.stake().amountMinor(),
                        bet.stake().currency(), bet.status().code(), idempotencyKey,
                        Timestamp.from(bet.createdAt()), Timestamp.from(bet.createdAt()))
                .update();
    }

    /**
     * Writes the bet after a transition, guarded by the status it had before. False when another
     * transaction changed the bet first: the caller's transition did not happen.
     */
    public boolean update(Transition transition) {
        Bet bet = transition.bet();
        return jdbc.sql("""
                        UPDATE bets SET status = ?, status_reason = ?, status_detail = ?, acceptor_id = ?,
                            pending_acceptor_id = ?, accept_attempts = ?, winner_id = ?, creator_refund_minor = ?,
                            acceptor_refund_minor = ?, updated_at = now()
                        WHERE bet_id = ? AND status = ?""")
                .params(bet.status().code(), bet.statusReason(), bet.statusDetail(), bet.acceptorId(),
                        bet.pendingAcceptorId(), bet.acceptAttempts(), bet.winnerId(),
                        bet.creatorRefund() == null ? null : bet.creatorRefund().amountMinor(),
                        bet.acceptorRefund() == null ? null : bet.acceptorRefund().amountMinor(),
                        UUID.fromString(bet.betId()), transition.from().code())
                .update() == 1;
    }

    public Optional<Bet> find(String betId) {
        Optional<UUID> id = parse(betId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM bets WHERE bet_id = ?").param(id.get())
                .query(BetRepository::bet).optional();
    }

    public Optional<Bet> findByIdempotencyKey(String creatorId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bets WHERE creator_id = ? AND idempotency_key = ?")
                .params(creatorId, key).query(BetRepository::bet).optional();
    }

    /**
     * Serializes the offers of one creator (until the transaction ends), so that two offers made
     * at once cannot both slip under the limit of offers in flight.
     */
    public void lockCreator(String creatorId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('bet-creator:' || ?))").param(creatorId)
                .query((rs, row) -> 1).single();
    }

    /** The creator's offers that hold or are about to hold a stake without a counterpart. */
    public long countInFlight(String creatorId) {
        return jdbc.sql("SELECT count(*) FROM bets WHERE creator_id = ? AND status IN ('escrow_pending', 'open')")
                .param(creatorId).query(Long.class).single();
    }

    public List<Bet> openOn(String gameId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bets WHERE game_id = ? AND status = 'open'")
                .param(gameId).query(BetRepository::bet).list();
    }

    static Bet bet(ResultSet rs, int row) throws SQLException {
        Bet.Builder b = new Bet.Builder();
        b.betId = rs.getString("bet_id");
        b.gameId = rs.getString("game_id");
        b.creatorId = rs.getString("creator_id");
        b.acceptorId = rs.getString("acceptor_id");
        b.pendingAcceptorId = rs.getString("pending_acceptor_id");
        long line = rs.getLong("line_tenths");
        Long lineTenths = rs.wasNull() ? null : line;
        String stat = rs.getString("stat");
        b.selection = new Selection(SelectionType.valueOf(rs.getString("selection_type")),
                SelectionSide.valueOf(rs.getString("selection_side")), lineTenths, rs.getString("player_id"),
                stat == null ? null : PlayerStat.valueOf(stat));
        String currency = rs.getString("currency");
        b.stake = Money.of(rs.getLong("stake_minor"), currency);
        b.status = BetStatus.fromCode(rs.getString("status"));
        b.statusReason = rs.getString("status_reason");
        b.statusDetail = rs.getString("status_detail");
        b.acceptAttempts = rs.getInt("accept_attempts");
        b.winnerId = rs.getString("winner_id");
        b.creatorRefund = money(rs, "creator_refund_minor", currency);
        b.acceptorRefund = money(rs, "acceptor_refund_minor", currency);
        b.createdAt = rs.getTimestamp("created_at").toInstant();
        return b.build();
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        long amount = rs.getLong(column);
        return rs.wasNull() ? null : Money.of(amount, currency);
    }

    static Optional<UUID> parse(String betId) {
        try {
            return Optional.of(UUID.fromString(betId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
