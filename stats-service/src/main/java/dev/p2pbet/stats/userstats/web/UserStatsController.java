package dev.p2pbet.stats.userstats.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.stats.userstats.UserStatsService;
import dev.p2pbet.stats.userstats.domain.LeaderboardPeriod;
import dev.p2pbet.stats.userstats.domain.LeaderboardRanking;
import dev.p2pbet.stats.userstats.domain.Roi;
import dev.p2pbet.stats.userstats.domain.UserBetStats;
import dev.p2pbet.stats.userstats.persistence.UserStatsRepository.LeaderboardRow;
import dev.p2pbet.stats.web.PageView;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users' betting stats and the leaderboards, for any signed-in user. Amounts are integer minor
 * units; ROI is net profit / total staked in basis points (absent while nothing was staked).
 */
@RestController
@RequestMapping("/api/stats")
class UserStatsController {

    private final UserStatsService stats;

    UserStatsController(UserStatsService stats) {
        this.stats = stats;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserStatsView(String userId, int betsSettled, int wins, int losses, int refunds, long totalStakedMinor,
                         long netProfitMinor, String currency, Long roiBasisPoints, String roiPercent,
                         int currentStreak) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LeaderboardEntry(long rank, String userId, int betsSettled, int wins, int losses, int refunds,
                            long totalStakedMinor, long netProfitMinor, String currency, Long roiBasisPoints,
                            String roiPercent) {
    }

    /** A user with no settled bet yet has all zeros (and no currency or ROI). */
    @GetMapping("/users/{userId}")
    UserStatsView user(@PathVariable String userId) {
        return stats.of(userId).map(UserStatsController::view)
                .orElseGet(() -> new UserStatsView(userId, 0, 0, 0, 0, 0, 0, null, null, null, 0));
    }

    @GetMapping("/leaderboard")
    PageView<LeaderboardEntry> leaderboard(@RequestParam(defaultValue = "profit") String by,
                                           @RequestParam(defaultValue = "all") String period,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        PageView.check(page, size);
        LeaderboardRanking ranking = parse(LeaderboardRanking.class, by, "by", "profit, wins");
        LeaderboardPeriod window = parse(LeaderboardPeriod.class, period, "period", "all, week, month");
        UserStatsService.Leaderboard board = stats.leaderboard(ranking, window, page, size);
        return PageView.of(board.rows().stream().map(UserStatsController::entry).toList(), page, size, board.total());
    }

    private static UserStatsView view(UserBetStats s) {
        OptionalLong roi = s.roiBasisPoints();
        return new UserStatsView(s.userId(), s.betsSettled(), s.wins(), s.losses(), s.refunds(),
                s.totalStaked().amountMinor(), s.netProfit().amountMinor(), s.totalStaked().currency(),
                boxed(roi), percent(roi), s.currentStreak());
    }

    private static LeaderboardEntry entry(LeaderboardRow row) {
        OptionalLong roi = Roi.basisPoints(row.netProfit(), row.totalStaked());
        return new LeaderboardEntry(row.rank(), row.userId(), row.betsSettled(), row.wins(), row.losses(), row.refunds(),
                row.totalStaked().amountMinor(), row.netProfit().amountMinor(), row.totalStaked().currency(),
                boxed(roi), percent(roi));
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static String percent(OptionalLong basisPoints) {
        return basisPoints.isPresent() ? Roi.percent(basisPoints.getAsLong()) : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name, String allowed) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_" + name.toUpperCase(Locale.ROOT), name + " is one of " + allowed + ".");
        }
    }
}
