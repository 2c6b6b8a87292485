package dev.p2pbet.stats.game.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.p2pbet.stats.game.domain.Game;
import dev.p2pbet.stats.game.domain.GameResult;
import dev.p2pbet.stats.game.domain.ResultSource;
import dev.p2pbet.stats.game.domain.RosterPlayer;
import dev.p2pbet.stats.game.domain.StatLine;
import dev.p2pbet.stats.game.domain.Team;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A game as the API shows it; the list leaves out the roster and the stat lines. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GameView(String gameId, String status, String homeTeam, String awayTeam, Instant startsAt,
                       Instant startedAt, Instant finalizedAt, Integer homeScore, Integer awayScore,
                       String resultSource, Long simulationSeed, String cancelReason,
                       List<Player> roster, List<Line> statLines) {

    public record Player(String playerId, String name, Team team) {
    }

    public record Line(String playerId, boolean played, int points, int rebounds, int assists, int steals,
                       int blocks, int turnovers, int threesMade) {
    }

    static GameView summary(Game game) {
        return view(game, false);
    }

    static GameView detail(Game game) {
        return view(game, true);
    }

    private static GameView view(Game game, boolean detail) {
        GameResult result = game.result().orElse(null);
        ResultSource source = game.resultSource().orElse(null);
        return new GameView(game.gameId(), game.status().code(), game.homeTeam(), game.awayTeam(), game.startsAt(),
                game.startedAt().orElse(null), game.finalizedAt().orElse(null),
                result == null ? null : result.homeScore(), result == null ? null : result.awayScore(),
                source == null ? null : source.kind().name().toLowerCase(Locale.ROOT),
                source == null ? null : source.seed(), game.cancelReason().orElse(null),
                detail ? game.roster().stream().map(GameView::player).toList() : null,
                detail && result != null ? result.statLines().stream().map(GameView::line).toList() : null);
    }

    private static Player player(RosterPlayer player) {
        return new Player(player.playerId(), player.name(), player.team());
    }

    private static Line line(StatLine line) {
        return new Line(line.playerId(), line.played(), line.points(), line.rebounds(), line.assists(), line.steals(),
                line.blocks(), line.turnovers(), line.threesMade());
    }
}
