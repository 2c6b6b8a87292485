package dev.p2pbet.bet.offer.persistence;

import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.BetStatus;
import dev.p2pbet.bet.offer.domain.SelectionType;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lobby and a user's history, newest first, cursor-paginated on (created_at, bet_id): a
 * page never repeats or skips a bet while new offers arrive, which an offset would.
 */
@Repository
public class BetQueries {

    private final JdbcClient jdbc;

    public BetQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the lobby can be filtered by; nulls are no filter. */
    public record LobbyFilter(BetStatus status, String gameId, SelectionType type, Long minStake, Long maxStake) {
    }

    /** A page of bets and the cursor of the next one (null on the last page). */
    public record Page(List<Bet> items, String nextCursor) {
    }

    /** A position in a listing; opaque to clients. */
    public record Cursor(Instant createdAt, UUID betId) {

        public String encode() {
            long micros = createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1_000;
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "_" + betId).getBytes(StandardCharsets.UTF_8));
        }

        /** Empty when the text is not a cursor this service made. */
        public static Optional<Cursor> decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("_");
                long micros = Long.parseLong(parts[0]);
                return Optional.of(new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                        Math.floorMod(micros, 1_000_000) * 1_000L), UUID.fromString(parts[1])));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    public Page lobby(LobbyFilter filter, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + BetRepository.COLUMNS + " FROM bets b WHERE status = :status");
        if (filter.gameId() != null) {
            sql.append(" AND game_id = :game");
        }
        if (filter.type() != null) {
            sql.append(" AND selection_type = :type");
        }
        if (filter.minStake() != null) {
            sql.append(" AND stake_minor >= :min");
        }
        if (filter.maxStake() != null) {
            sql.append(" AND stake_minor <= :max");
        }
        if (filter.status() == BetStatus.OPEN) {
            sql.append(" AND EXISTS (SELECT 1 FROM games g WHERE g.game_id = b.game_id AND g.status = 'scheduled')");
        }
        appendPage(sql, after);
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("status", filter.status().code()).param("limit", limit + 1);
        if (filter.gameId() != null) {
            spec = spec.param("game", filter.gameId());
        }
        if (filter.type() != null) {
            spec = spec.param("type", filter.type().name());
        }
        if (filter.minStake() != null) {
            spec = spec.param("min", filter.minStake());
        }
        if (filter.maxStake() != null) {
            spec = spec.param("max", filter.maxStake());
        }
        return page(cursorParams(spec, after), limit);
    }

    /** Every bet the user created, accepted or is accepting. */
    public Page history(String userId, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + BetRepository.COLUMNS
                + " FROM bets WHERE (creator_id = :user OR acceptor_id = :user OR pending_acceptor_id = :user)");
        appendPage(sql, after);
        return page(cursorParams(jdbc.sql(sql.toString()).param("user", userId).param("limit", limit + 1), after),
                limit);
    }

    private static void appendPage(StringBuilder sql, Cursor after) {
        if (after != null) {
            sql.append(" AND (created_at, bet_id) < (:afterAt, :afterId)");
        }
        sql.append(" ORDER BY created_at DESC, bet_id DESC LIMIT :limit");
    }

    private static JdbcClient.StatementSpec cursorParams(JdbcClient.StatementSpec spec, Cursor after) {
        return after == null ? spec
                : spec.param("afterAt", Timestamp.from(after.createdAt())).param("afterId", after.betId());
    }

    private static Page page(JdbcClient.StatementSpec spec, int limit) {
        List<Bet> rows = spec.query(BetRepository::bet).list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        Bet last = rows.get(limit - 1);
        return new Page(rows.subList(0, limit),
                new Cursor(last.createdAt(), UUID.fromString(last.betId())).encode());
    }
}
