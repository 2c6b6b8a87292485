package dev.p2pbet.stats.game.web;

import dev.p2pbet.stats.game.GameMetrics;
import dev.p2pbet.stats.game.GameService;
import dev.p2pbet.stats.game.domain.Game;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin/feed API: schedule, cancel, post a result, simulate. Members of the Cognito group {@code admin} only. */
@RestController
@RequestMapping("/api/admin/games")
@PreAuthorize("hasRole('ADMIN')")
class GameAdminController {

    private final GameService games;
    private final GameMetrics metrics;

    GameAdminController(GameService games, GameMetrics metrics) {
        this.games = games;
        this.metrics = metrics;
    }

    /** 201 with the new game; 200 when the same game was already scheduled under this id. */
    @PostMapping
    ResponseEntity<GameView> schedule(@Valid @RequestBody GameRequests.ScheduleGame request) {
        String gameId = request.gameId() == null || request.gameId().isBlank()
                ? UUID.randomUUID().toString() : request.gameId();
        GameService.Scheduling scheduling = GameRefusals.translate(() -> games.schedule(gameId, request.homeTeam(),
                request.awayTeam(), request.startsAt(), request.rosterPlayers()));
        GameView view = GameView.detail(scheduling.game());
        return scheduling.created()
                ? ResponseEntity.created(URI.create("/api/games/" + gameId)).body(view)
                : ResponseEntity.ok(view);
    }

    @PostMapping("/{gameId}/cancel")
    GameView cancel(@PathVariable String gameId, @Valid @RequestBody(required = false) GameRequests.CancelGame request) {
        String reason = request == null ? null : request.reason();
        return GameView.detail(GameRefusals.translate(() -> games.cancel(gameId, reason)));
    }

    /** 200 with the final game; the same result again is 200 too, a different one 409. */
    @PostMapping("/{gameId}/result")
    GameView postResult(@PathVariable String gameId, @Valid @RequestBody GameRequests.PostResult request) {
        return GameView.detail(GameRefusals.translate(() -> games.recordResult(gameId, request.toResult())));
    }

    public record Simulation(long seed, GameView game) {
    }

    /** Finalizes the game with a simulated result; pass {@code seed} to repeat a result, else a random seed is used and returned. */
    @PostMapping("/{gameId}/simulate")
    Simulation simulate(@PathVariable String gameId, @RequestParam(required = false) Long seed) {
        long used = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        Game game = GameRefusals.translate(() -> games.simulate(gameId, used));
        metrics.simulationRun(GameMetrics.Trigger.ADMIN);
        return new Simulation(used, GameView.detail(game));
    }
}
