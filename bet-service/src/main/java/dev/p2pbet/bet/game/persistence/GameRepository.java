package dev.p2pbet.bet.game.persistence;

import dev.p2pbet.bet.game.domain.Game;
import dev.p2pbet.bet.game.domain.GameStatus;
import dev.p2pbet.bet.game.domain.RosterPlayer;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The games projection. Status changes are guarded: a game only leaves {@code scheduled}
 * forwards, so a late GameScheduled never reopens a started game.
 */
@Repository
public class GameRepository {

    private final JdbcClient jdbc;

    public GameRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest schedule and roster of a game; ignored once the game has left {@code scheduled}. */
    public boolean schedule(String gameId, String homeTeam, String awayTeam, Instant startsAt, List<RosterPlayer> roster) {
        int changed = jdbc.sql("""
                        INSERT INTO games (game_id, status, home_team, away_team, starts_at)
                        VALUES (?, 'scheduled', ?, ?, ?)
                        ON CONFLICT (game_id) DO UPDATE SET home_team = excluded.home_team,
                            away_team = excluded.away_team, starts_at = excluded.starts_at, updated_at = now()
                        WHERE games.status = 'scheduled'""")
                .params(gameId, homeTeam, awayTeam, Timestamp.from(startsAt))
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM game_players WHERE game_id = ?").param(gameId).update();
        for (RosterPlayer player : roster) {
            jdbc.sql("INSERT INTO game_players (game_id, player_id, name, team) VALUES (?, ?, ?, ?)")
                    .params(gameId, player.playerId(), player.name(), player.team())
                    .update();
        }
        return true;
    }

    /** Moves the game to {@code to} if it is in one of {@code from}; false when it is not (late or duplicate). */
    public boolean move(String gameId, GameStatus to, GameStatus... from) {
        List<String> fromCodes = Arrays.stream(from).map(GameStatus::code).toList();
        return jdbc.sql("UPDATE games SET status = :to, updated_at = now() WHERE game_id = :game AND status IN (:from)")
                .param("to", to.code())
                .param("game", gameId)
                .param("from", fromCodes)
                .update() == 1;
    }

    /**
     * The game, its row share-locked until the transaction ends: a GameStarted applied meanwhile
     * waits for an offer or an acceptance being written, or is seen by it.
     */
    public Optional<Game> findLocked(String gameId) {
        return find(gameId, " FOR SHARE");
    }

    public Optional<Game> find(String gameId) {
        return find(gameId, "");
    }

    // The roster comes in the same statement: an offer, an acceptance and an escrow outcome each load their game,
    // and a second round trip for the players cost each of them a statement. The lock applies to the games row only.
    private Optional<Game> find(String gameId, String lock) {
        return jdbc.sql("""
                        SELECT game_id, status, home_team, away_team, starts_at,
                            ARRAY(SELECT player_id FROM game_players p WHERE p.game_id = g.game_id) AS player_ids
                        FROM games g WHERE game_id = ?""" + lock)
                .param(gameId)
                .query((rs, row) -> new Game(rs.getString("game_id"), GameStatus.fromCode(rs.getString("status")),
                        rs.getString("home_team"), rs.getString("away_team"),
                        rs.getTimestamp("starts_at").toInstant(), playerIds(rs.getArray("player_ids"))))
                .optional();
    }

    private static Set<String> playerIds(Array players) throws SQLException {
        return Set.of((String[]) players.getArray());
    }
}
