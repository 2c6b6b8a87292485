package dev.p2pbet.stats.game.persistence;

import dev.p2pbet.stats.game.domain.Game;
import dev.p2pbet.stats.game.domain.GameResult;
import dev.p2pbet.stats.game.domain.GameStatus;
import dev.p2pbet.stats.game.domain.ResultSource;
import dev.p2pbet.stats.game.domain.RosterPlayer;
import dev.p2pbet.stats.game.domain.StatLine;
import dev.p2pbet.stats.game.domain.Team;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Games, rosters and stat lines. Status changes are guarded by the status they expect
 * ({@code UPDATE ... WHERE status = ?}): a change that lost a race updates nothing.
 */
@Repository
public class GameRepository {

    private static final String COLUMNS = """
            game_id, status, home_team, away_team, starts_at, started_at, home_score, away_score, finalized_at,
            result_source, simulation_seed, cancel_reason""";

    private final JdbcClient jdbc;

    public GameRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new game and its roster; false when the id is already taken. */
    public boolean insert(Game game) {
        int inserted = jdbc.sql("""
                        INSERT INTO games (game_id, status, home_team, away_team, starts_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (game_id) DO NOTHING""")
                .params(game.gameId(), game.status().code(), game.homeTeam(), game.awayTeam(), utc(game.startsAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        for (RosterPlayer player : game.roster()) {
            jdbc.sql("INSERT INTO game_players (game_id, player_id, name, team) VALUES (?, ?, ?, ?)")
                    .params(game.gameId(), player.playerId(), player.name(), player.team().name())
                    .update();
        }
        return true;
    }

    public Optional<Game> find(String gameId) {
        return load(gameId, false);
    }

    /** The game, its row locked until the transaction ends: changes to one game happen one at a time. */
    public Optional<Game> lock(String gameId) {
        return load(gameId, true);
    }

    /** {@code from -> live}; false when the game was no longer in {@code from}. */
    public boolean markLive(Game game, GameStatus from) {
        return jdbc.sql("""
                        UPDATE games SET status = 'live', started_at = ?, updated_at = now()
                        WHERE game_id = ? AND status = ?""")
                .params(utc(game.startedAt().orElseThrow()), game.gameId(), from.code())
                .update() == 1;
    }

    public boolean markCancelled(Game game, GameStatus from) {
        return jdbc.sql("""
                        UPDATE games SET status = 'cancelled', cancel_reason = ?, updated_at = now()
                        WHERE game_id = ? AND status = ?""")
                .params(game.cancelReason().orElseThrow(), game.gameId(), from.code())
                .update() == 1;
    }

    /** {@code from -> final} with the score, the source and every stat line. */
    public boolean markFinal(Game game, GameStatus from) {
        GameResult result = game.result().orElseThrow();
        ResultSource source = game.resultSource().orElseThrow();
        int updated = jdbc.sql("""
                        UPDATE games SET status = 'final', started_at = ?, home_score = ?, away_score = ?,
                               finalized_at = ?, result_source = ?, simulation_seed = ?, updated_at = now()
                        WHERE game_id = ? AND status = ?""")
                .params(utc(game.startedAt().orElseThrow()), result.homeScore(), result.awayScore(),
                        utc(game.finalizedAt().orElseThrow()), source.kind().name().toLowerCase(Locale.ROOT),
                        source.seed(), game.gameId(), from.code())
                .update();
        if (updated == 0) {
            return false;
        }
        for (StatLine line : result.statLines()) {
            jdbc.sql("""
                            INSERT INTO game_player_stats (game_id, player_id, played, points, rebounds, assists,
                                                           steals, blocks, turnovers, threes_made)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(game.gameId(), line.playerId(), line.played(), line.points(), line.rebounds(),
                            line.assists(), line.steals(), line.blocks(), line.turnovers(), line.threesMade())
                    .update();
        }
        return true;
    }

    /** Ids of scheduled games whose start time has come, oldest first. */
    public List<String> dueToStart(Instant now, int limit) {
        return jdbc.sql("SELECT game_id FROM games WHERE status = 'scheduled' AND starts_at <= ? ORDER BY starts_at LIMIT ?")
                .params(utc(now), limit)
                .query(String.class)
                .list();
    }

    /** Ids of live games that started at or before {@code startedBy}, oldest first. */
    public List<String> liveSince(Instant startedBy, int limit) {
        return jdbc.sql("SELECT game_id FROM games WHERE status = 'live' AND starts_at <= ? ORDER BY starts_at LIMIT ?")
                .params(utc(startedBy), limit)
                .query(String.class)
                .list();
    }

    public List<Game> page(GameQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        params.add(query.size());
        params.add(query.offset());
        return jdbc.sql("SELECT " + COLUMNS + " FROM games" + where + " ORDER BY starts_at, game_id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, row) -> game(rs, List.of(), List.of()))
                .list();
    }

    public long count(GameQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        return jdbc.sql("SELECT count(*) FROM games" + where).params(params).query(Long.class).single();
    }

    public long countByStatus(GameStatus status) {
        return jdbc.sql("SELECT count(*) FROM games WHERE status = ?").param(status.code()).query(Long.class).single();
    }

    private static String where(GameQuery query, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        query.status().ifPresent(status -> {
            conditions.add("status = ?");
            params.add(status.code());
        });
        query.startsFrom().ifPresent(from -> {
            conditions.add("starts_at >= ?");
            params.add(utc(from));
        });
        query.startsBefore().ifPresent(before -> {
            conditions.add("starts_at < ?");
            params.add(utc(before));
        });
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private Optional<Game> load(String gameId, boolean forUpdate) {
        List<RosterPlayer> roster = jdbc.sql("SELECT player_id, name, team FROM game_players WHERE game_id = ? ORDER BY player_id")
                .param(gameId)
                .query((rs, row) -> new RosterPlayer(rs.getString("player_id"), rs.getString("name"),
                        Team.valueOf(rs.getString("team"))))
                .list();
        List<StatLine> lines = jdbc.sql("""
                        SELECT player_id, played, points, rebounds, assists, steals, blocks, turnovers, threes_made
                        FROM game_player_stats WHERE game_id = ? ORDER BY player_id""")
                .param(gameId)
                .query((rs, row) -> new StatLine(rs.getString("player_id"), rs.getBoolean("played"), rs.getInt("points"),
                        rs.getInt("rebounds"), rs.getInt("assists"), rs.getInt("steals"), rs.getInt("blocks"),
                        rs.getInt("turnovers"), rs.getInt("threes_made")))
                .list();
        return jdbc.sql("SELECT " + COLUMNS + " FROM games WHERE game_id = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .param(gameId)
                .query((rs, row) -> game(rs, roster, lines))
                .optional();
    }

    private static Game game(ResultSet rs, List<RosterPlayer> roster, List<StatLine> lines) throws SQLException {
        GameStatus status = GameStatus.fromCode(rs.getString("status"));
        GameResult result = null;
        ResultSource source = null;
        if (status == GameStatus.FINAL) {
            result = new GameResult(rs.getInt("home_score"), rs.getInt("away_score"), lines);
            Long seed = rs.getObject("simulation_seed", Long.class);
            source = "simulated".equals(rs.getString("result_source")) && seed != null
                    ? ResultSource.simulated(seed) : ResultSource.posted();
        }
        return Game.restore(rs.getString("game_id"), rs.getString("home_team"), rs.getString("away_team"),
                instant(rs, "starts_at"), roster, status, instant(rs, "started_at"), result, source,
                instant(rs, "finalized_at"), rs.getString("cancel_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
