package dev.p2pbet.stats.game.web;

import dev.p2pbet.stats.game.domain.GameResult;
import dev.p2pbet.stats.game.domain.RosterPlayer;
import dev.p2pbet.stats.game.domain.StatLine;
import dev.p2pbet.stats.game.domain.Team;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Bodies of the admin/feed API. Shape is checked here (400); the game rules in the domain (422/409). */
final class GameRequests {

    private GameRequests() {
    }

    /** {@code gameId} is optional: a feed passes its own id (scheduling it again is a no-op), else one is made up. */
    record ScheduleGame(@Size(max = 100) String gameId, @NotBlank String homeTeam, @NotBlank String awayTeam,
                        @NotNull Instant startsAt, @NotEmpty List<@Valid @NotNull RosterEntry> roster) {

        List<RosterPlayer> rosterPlayers() {
            return roster.stream().map(entry -> new RosterPlayer(entry.playerId(), entry.name(), entry.team())).toList();
        }
    }

    record RosterEntry(@NotBlank String playerId, @NotBlank String name, @NotNull Team team) {
    }

    record CancelGame(@Size(max = 500) String reason) {
    }

    record PostResult(@NotNull Integer homeScore, @NotNull Integer awayScore,
                      @NotNull List<@Valid @NotNull StatLineEntry> statLines) {

        GameResult toResult() {
            return new GameResult(homeScore, awayScore, statLines.stream().map(StatLineEntry::toStatLine).toList());
        }
    }

    /** A count left out is 0, so a player who did not play needs only {@code playerId} and {@code played: false}. */
    record StatLineEntry(@NotBlank String playerId, @NotNull Boolean played, Integer points, Integer rebounds,
                         Integer assists, Integer steals, Integer blocks, Integer turnovers, Integer threesMade) {

        StatLine toStatLine() {
            return new StatLine(playerId, played, zero(points), zero(rebounds), zero(assists), zero(steals),
                    zero(blocks), zero(turnovers), zero(threesMade));
        }

        private static int zero(Integer count) {
            return count == null ? 0 : count;
        }
    }
}
