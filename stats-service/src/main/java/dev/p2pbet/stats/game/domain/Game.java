package dev.p2pbet.stats.game.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A game and its status machine. Every transition is one method that returns the change it
 * causes (to be stored and published together); an illegal one throws
 * {@link IllegalGameTransitionException}. A game is finalized once: the same result again
 * changes nothing, a different one is a {@link ResultConflictException}.
 */
public final class Game {

    private final String gameId;
    private final String homeTeam;
    private final String awayTeam;
    private final Instant startsAt;
    private final List<RosterPlayer> roster;
    private final GameStatus status;
    private final Instant startedAt;
    private final GameResult result;
    private final ResultSource resultSource;
    private final Instant finalizedAt;
    private final String cancelReason;

    private Game(String gameId, String homeTeam, String awayTeam, Instant startsAt, List<RosterPlayer> roster,
                 GameStatus status, Instant startedAt, GameResult result, ResultSource resultSource,
                 Instant finalizedAt, String cancelReason) {
        this.gameId = gameId;
        this.homeTeam = homeTeam;
        this.awayTeam = awayTeam;
        this.startsAt = startsAt;
        this.roster = roster.stream().sorted(Comparator.comparing(RosterPlayer::playerId)).toList();
        this.status = Objects.requireNonNull(status, "status");
        this.startedAt = startedAt;
        this.result = result;
        this.resultSource = resultSource;
        this.finalizedAt = finalizedAt;
        this.cancelReason = cancelReason;
    }

    /** A new game on the schedule: two different teams, each with at least one player, ids unique. */
    public static GameChange.Scheduled schedule(String gameId, String homeTeam, String awayTeam, Instant startsAt,
                                                List<RosterPlayer> roster, Instant now) {
        if (gameId == null || gameId.isBlank() || gameId.length() > 100) {
            throw new GameRuleViolation("INVALID_GAME_ID", "A game id is 1 to 100 characters.");
        }
        if (homeTeam == null || homeTeam.isBlank() || awayTeam == null || awayTeam.isBlank()) {
            throw new GameRuleViolation("INVALID_TEAMS", "A game needs a home team and an away team.");
        }
        if (homeTeam.strip().equalsIgnoreCase(awayTeam.strip())) {
            throw new GameRuleViolation("INVALID_TEAMS", "A team cannot play itself.");
        }
        Objects.requireNonNull(startsAt, "startsAt");
        Set<String> ids = new HashSet<>();
        for (RosterPlayer player : roster) {
            if (!ids.add(player.playerId())) {
                throw new GameRuleViolation("INVALID_ROSTER", "Player " + player.playerId() + " is listed twice.");
            }
        }
        for (Team team : Team.values()) {
            if (roster.stream().noneMatch(player -> player.team() == team)) {
                throw new GameRuleViolation("INVALID_ROSTER",
                        "The " + team.name().toLowerCase() + " team has no players on the roster.");
            }
        }
        Game game = new Game(gameId, homeTeam.strip(), awayTeam.strip(), startsAt, roster, GameStatus.SCHEDULED,
                null, null, null, null, null);
        return new GameChange.Scheduled(game, now);
    }

    /** A game as stored. */
    public static Game restore(String gameId, String homeTeam, String awayTeam, Instant startsAt,
                               List<RosterPlayer> roster, GameStatus status, Instant startedAt, GameResult result,
                               ResultSource resultSource, Instant finalizedAt, String cancelReason) {
        return new Game(gameId, homeTeam, awayTeam, startsAt, roster, status, startedAt, result, resultSource,
                finalizedAt, cancelReason);
    }

    /** Tip-off: betting on the game closes. */
    public GameChange.Started start(Instant at) {
        status.requireMoveTo(GameStatus.LIVE, gameId);
        return new GameChange.Started(with(GameStatus.LIVE, at, null, null, null, null), at);
    }

    public GameChange.Cancelled cancel(String reason, Instant at) {
        status.requireMoveTo(GameStatus.CANCELLED, gameId);
        String why = reason == null || reason.isBlank() ? "cancelled" : reason.strip();
        return new GameChange.Cancelled(with(GameStatus.CANCELLED, startedAt, null, null, null, why), at);
    }

    /**
     * Records the final result. A scheduled game passes through live first (both changes are
     * returned, in order), so consumers see betting close before the result. Returns no change
     * when the game is already final with exactly this result.
     */
    public List<GameChange> finish(GameResult newResult, ResultSource source, Instant at) {
        if (status == GameStatus.FINAL) {
            if (result.equals(newResult)) {
                return List.of();
            }
            throw new ResultConflictException(gameId);
        }
        if (status == GameStatus.CANCELLED) {
            throw new IllegalGameTransitionException(gameId, status, GameStatus.FINAL);
        }
        ResultRules.check(roster, newResult);
        List<GameChange> changes = new ArrayList<>();
        Game live = this;
        if (status == GameStatus.SCHEDULED) {
            GameChange.Started started = start(at);
            changes.add(started);
            live = started.game();
        }
        live.status.requireMoveTo(GameStatus.FINAL, gameId);
        changes.add(new GameChange.Finalized(live.with(GameStatus.FINAL, live.startedAt, newResult, source, at, null), at));
        return List.copyOf(changes);
    }

    /** Same teams, start and roster: scheduling it again changes nothing. */
    public boolean hasSameScheduleAs(Game other) {
        return gameId.equals(other.gameId) && homeTeam.equals(other.homeTeam) && awayTeam.equals(other.awayTeam)
                && startsAt.equals(other.startsAt) && roster.equals(other.roster);
    }

    private Game with(GameStatus newStatus, Instant newStartedAt, GameResult newResult, ResultSource source,
                      Instant newFinalizedAt, String newCancelReason) {
        return new Game(gameId, homeTeam, awayTeam, startsAt, roster, newStatus, newStartedAt, newResult, source,
                newFinalizedAt, newCancelReason);
    }

    public String gameId() {
        return gameId;
    }

    public String homeTeam() {
        return homeTeam;
    }

    public String awayTeam() {
        return awayTeam;
    }

    public Instant startsAt() {
        return startsAt;
    }

    /** Players in player id order. */
    public List<RosterPlayer> roster() {
        return roster;
    }

    public GameStatus status() {
        return status;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<GameResult> result() {
        return Optional.ofNullable(result);
    }

    public Optional<ResultSource> resultSource() {
        return Optional.ofNullable(resultSource);
    }

    public Optional<Instant> finalizedAt() {
        return Optional.ofNullable(finalizedAt);
    }

    public Optional<String> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    @Override
    public String toString() {
        return "Game[" + gameId + ", " + status.code() + "]";
    }
}
