package dev.p2pbet.stats.game.web;

import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.stats.game.GameService;
import dev.p2pbet.stats.game.domain.GameStatus;
import dev.p2pbet.stats.game.persistence.GameQuery;
import dev.p2pbet.stats.web.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: the schedule and the results. Days are UTC days; {@code to} is inclusive. */
@RestController
@RequestMapping("/api/games")
class GameController {

    private final GameService games;

    GameController(GameService games) {
        this.games = games;
    }

    @GetMapping
    PageView<GameView> list(@RequestParam(required = false) String status,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        Optional<LocalDate> first = Optional.ofNullable(date != null ? date : from);
        Optional<LocalDate> last = Optional.ofNullable(date != null ? date : to);
        GameQuery query = new GameQuery(Optional.ofNullable(status).map(GameController::status),
                first.map(GameController::startOf), last.map(day -> startOf(day.plusDays(1))), page, size);
        GameService.Page result = games.list(query);
        return PageView.of(result.games().stream().map(GameView::summary).toList(), page, size, result.total());
    }

    @GetMapping("/{gameId}")
    GameView get(@PathVariable String gameId) {
        return GameView.detail(GameRefusals.translate(() -> games.get(gameId)));
    }

    private static GameStatus status(String code) {
        try {
            return GameStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("UNKNOWN_STATUS", "status is one of scheduled, live, final, cancelled.");
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
