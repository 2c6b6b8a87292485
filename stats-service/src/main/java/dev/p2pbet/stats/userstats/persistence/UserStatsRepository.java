package dev.p2pbet.stats.userstats.persistence;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.stats.userstats.domain.LeaderboardRanking;
import dev.p2pbet.stats.userstats.domain.UserBetResult;
import dev.p2pbet.stats.userstats.domain.UserBetStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code user_bet_results} (one row per user and closed stake, the history a time window adds
 * up) and {@code user_bet_stats} (the all-time totals, kept in step in the same transaction).
 */
@Repository
public class UserStatsRepository {

    private final JdbcClient jdbc;

    public UserStatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a closed stake; false when this user's stake in this bet was already counted. */
    public boolean recordResult(UserBetResult result, String eventId) {
        return jdbc.sql("""
                        INSERT INTO user_bet_results (bet_id, user_id, game_id, event_id, outcome, stake, net_profit,
                                                      currency, settled_at)
                        VALUES (?, ?, ?, ?::uuid, ?, ?, ?, ?, ?) ON CONFLICT (bet_id, user_id) DO NOTHING""")
                .params(result.betId(), result.userId(), result.gameId(), eventId, result.outcome().code(),
                        result.stake().amountMinor(), result.netProfit().amountMinor(), result.stake().currency(),
                        result.settledAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** The user's totals (zeros in {@code currency} for a newcomer), locked until the transaction ends. */
    public UserBetStats lock(String userId, String currency) {
        jdbc.sql("INSERT INTO user_bet_stats (user_id, currency) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING")
                .params(userId, currency)
                .update();
        return jdbc.sql("SELECT * FROM user_bet_stats WHERE user_id = ? FOR UPDATE")
                .param(userId)
                .query((rs, row) -> stats(rs))
                .single();
    }

    public void save(UserBetStats stats) {
        jdbc.sql("""
                        UPDATE user_bet_stats SET bets_settled = ?, wins = ?, losses = ?, refunds = ?, total_staked = ?,
                               net_profit = ?, current_streak = ?, updated_at = now()
                        WHERE user_id = ?""")
                .params(stats.betsSettled(), stats.wins(), stats.losses(), stats.refunds(),
                        stats.totalStaked().amountMinor(), stats.netProfit().amountMinor(), stats.currentStreak(),
                        stats.userId())
                .update();
    }

    public Optional<UserBetStats> find(String userId) {
        return jdbc.sql("SELECT * FROM user_bet_stats WHERE user_id = ?")
                .param(userId)
                .query((rs, row) -> stats(rs))
                .optional();
    }

    /** A user's line on a leaderboard: totals over the period, ranked from 1. */
    public record LeaderboardRow(long rank, String userId, int betsSettled, int wins, int losses, int refunds,
                                 Money totalStaked, Money netProfit) {
    }

    /** A page of the all-time leaderboard, from the totals. */
    public List<LeaderboardRow> allTime(LeaderboardRanking ranking, int page, int size) {
        long offset = (long) page * size;
        return jdbc.sql("""
                        SELECT user_id, bets_settled, wins, losses, refunds, total_staked, net_profit, currency
                        FROM user_bet_stats ORDER BY %s LIMIT ? OFFSET ?""".formatted(order(ranking)))
                .params(size, offset)
                .query((rs, row) -> row(rs, offset + row + 1))
                .list();
    }

    public long countAllTime() {
        return jdbc.sql("SELECT count(*) FROM user_bet_stats").query(Long.class).single();
    }

    /** A page of the leaderboard over the settlements since {@code since}, added up from the history. */
    public List<LeaderboardRow> since(Instant since, LeaderboardRanking ranking, int page, int size) {
        long offset = (long) page * size;
        return jdbc.sql("""
                        SELECT user_id, count(*) AS bets_settled,
                               count(*) FILTER (WHERE outcome = 'won') AS wins,
                               count(*) FILTER (WHERE outcome = 'lost') AS losses,
                               count(*) FILTER (WHERE outcome = 'refunded') AS refunds,
                               sum(stake) AS total_staked, sum(net_profit) AS net_profit, min(currency) AS currency
                        FROM user_bet_results WHERE settled_at >= ?
                        GROUP BY user_id ORDER BY %s LIMIT ? OFFSET ?""".formatted(order(ranking)))
                .params(since.atOffset(ZoneOffset.UTC), size, offset)
                .query((rs, row) -> row(rs, offset + row + 1))
                .list();
    }

    public long countSince(Instant since) {
        return jdbc.sql("SELECT count(DISTINCT user_id) FROM user_bet_results WHERE settled_at >= ?")
                .param(since.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    private static String order(LeaderboardRanking ranking) {
        return switch (ranking) {
            case PROFIT -> "net_profit DESC, wins DESC, user_id";
            case WINS -> "wins DESC, net_profit DESC, user_id";
        };
    }

    private static UserBetStats stats(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new UserBetStats(rs.getString("user_id"), rs.getInt("bets_settled"), rs.getInt("wins"),
                rs.getInt("losses"), rs.getInt("refunds"), Money.of(rs.getLong("total_staked"), currency),
                Money.of(rs.getLong("net_profit"), currency), rs.getInt("current_streak"));
    }

    private static LeaderboardRow row(ResultSet rs, long rank) throws SQLException {
        String currency = rs.getString("currency");
        return new LeaderboardRow(rank, rs.getString("user_id"), rs.getInt("bets_settled"), rs.getInt("wins"),
                rs.getInt("losses"), rs.getInt("refunds"), Money.of(rs.getLong("total_staked"), currency),
                Money.of(rs.getLong("net_profit"), currency));
    }
}
