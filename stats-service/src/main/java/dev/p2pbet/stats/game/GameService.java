package dev.p2pbet.stats.game;

import dev.p2pbet.stats.game.domain.Game;
import dev.p2pbet.stats.game.domain.GameAlreadyExistsException;
import dev.p2pbet.stats.game.domain.GameChange;
import dev.p2pbet.stats.game.domain.GameEvents;
import dev.p2pbet.stats.game.domain.GameNotFoundException;
import dev.p2pbet.stats.game.domain.GameResult;
import dev.p2pbet.stats.game.domain.GameSimulator;
import dev.p2pbet.stats.game.domain.GameStatus;
import dev.p2pbet.stats.game.domain.ResultSource;
import dev.p2pbet.stats.game.domain.RosterPlayer;
import dev.p2pbet.stats.game.persistence.GameQuery;
import dev.p2pbet.stats.game.persistence.GameRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs each game change as one transaction: lock the game, let the domain decide, store the new
 * state with a guarded update and publish the change through the outbox. A refusal throws
 * before anything is written.
 */
@Service
public class GameService {

    private final GameRepository games;
    private final GameEvents events;
    private final GameSimulator simulator;
    private final Clock clock;

    public GameService(GameRepository games, GameEvents events, GameSimulator simulator, Clock clock) {
        this.games = games;
        this.events = events;
        this.simulator = simulator;
        this.clock = clock;
    }

    /** Result of scheduling: the game, and whether this call created it (false: the same schedule was already there). */
    public record Scheduling(Game game, boolean created) {
    }

    @Transactional
    public Scheduling schedule(String gameId, String homeTeam, String awayTeam, Instant startsAt,
                               List<RosterPlayer> roster) {
        GameChange.Scheduled change = Game.schedule(gameId, homeTeam, awayTeam, startsAt.truncatedTo(ChronoUnit.MILLIS),
                roster, now());
        Optional<Game> existing = games.find(gameId);
        if (existing.isPresent()) {
            if (existing.get().hasSameScheduleAs(change.game())) {
                return new Scheduling(existing.get(), false);
            }
            throw new GameAlreadyExistsException(gameId);
        }
        if (!games.insert(change.game())) {
            throw new GameAlreadyExistsException(gameId);
        }
        events.publish(change);
        return new Scheduling(change.game(), true);
    }

    @Transactional(readOnly = true)
    public Game get(String gameId) {
        return games.find(gameId).orElseThrow(() -> new GameNotFoundException(gameId));
    }

    public record Page(List<Game> games, long total) {
    }

    @Transactional(readOnly = true)
    public Page list(GameQuery query) {
        return new Page(games.page(query), games.count(query));
    }

    /** Cancels a scheduled or live game; cancelling a cancelled game again changes nothing. */
    @Transactional
    public Game cancel(String gameId, String reason) {
        Game game = lock(gameId);
        if (game.status() == GameStatus.CANCELLED) {
            return game;
        }
        GameChange.Cancelled change = game.cancel(reason, now());
        guard(games.markCancelled(change.game(), game.status()), gameId);
        events.publish(change);
        return change.game();
    }

    @Transactional
    public Game recordResult(String gameId, GameResult result) {
        return finish(lock(gameId), result, ResultSource.posted());
    }

    /** Plays the game with the simulator and records the result exactly as a posted one. */
    @Transactional
    public Game simulate(String gameId, long seed) {
        Game game = lock(gameId);
        return finish(game, simulator.simulate(game, seed), ResultSource.simulated(seed));
    }

    /** Tip-off for a scheduled game; false when it is not (or no longer) scheduled. */
    @Transactional
    public boolean start(String gameId) {
        Game game = lock(gameId);
        if (game.status() != GameStatus.SCHEDULED) {
            return false;
        }
        GameChange.Started change = game.start(now());
        guard(games.markLive(change.game(), GameStatus.SCHEDULED), gameId);
        events.publish(change);
        return true;
    }

    @Transactional(readOnly = true)
    public List<String> dueToStart(Instant now, int limit) {
        return games.dueToStart(now, limit);
    }

    @Transactional(readOnly = true)
    public List<String> liveSince(Instant startedBy, int limit) {
        return games.liveSince(startedBy, limit);
    }

    private Game finish(Game game, GameResult result, ResultSource source) {
        List<GameChange> changes = game.finish(result, source, now());
        GameStatus from = game.status();
        Game latest = game;
        for (GameChange change : changes) {
            switch (change) {
                case GameChange.Started started -> guard(games.markLive(started.game(), from), game.gameId());
                case GameChange.Finalized finalized -> guard(games.markFinal(finalized.game(), from), game.gameId());
                default -> throw new IllegalStateException("unexpected change on finish: " + change);
            }
            events.publish(change);
            from = change.game().status();
            latest = change.game();
        }
        return latest;
    }

    private Game lock(String gameId) {
        return games.lock(gameId).orElseThrow(() -> new GameNotFoundException(gameId));
    }

    /** The row is locked, so a guarded update that finds another status means the books are off: fail loudly. */
    private static void guard(boolean updated, String gameId) {
        if (!updated) {
            throw new IllegalStateException("game " + gameId + " changed status under a lock");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
