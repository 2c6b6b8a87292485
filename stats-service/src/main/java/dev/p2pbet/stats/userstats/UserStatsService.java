package dev.p2pbet.stats.userstats;

import dev.p2pbet.plumbing.inbox.Inbox;
import dev.p2pbet.stats.userstats.domain.LeaderboardPeriod;
import dev.p2pbet.stats.userstats.domain.LeaderboardRanking;
import dev.p2pbet.stats.userstats.domain.UserBetResult;
import dev.p2pbet.stats.userstats.domain.UserBetStats;
import dev.p2pbet.stats.userstats.persistence.UserStatsRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts closed stakes into users' betting stats, exactly once: the event id in the inbox
 * stops a redelivered event, the (bet, user) key of the history stops a second event about the
 * same stake; both in the transaction that updates the totals.
 */
@Service
public class UserStatsService {

    static final String CONSUMER = "user-stats";

    private final Inbox inbox;
    private final UserStatsRepository stats;
    private final Clock clock;

    public UserStatsService(Inbox inbox, UserStatsRepository stats, Clock clock) {
        this.inbox = inbox;
        this.stats = stats;
        this.clock = clock;
    }

    /** Applies the results one settlement event carries; returns those that were new. */
    @Transactional
    public List<UserBetResult> apply(String eventId, List<UserBetResult> results) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return List.of();
        }
        // users locked in id order, so two settlements of the same pair never wait on each other
        List<UserBetResult> applied = results.stream()
                .sorted(Comparator.comparing(UserBetResult::userId))
                .filter(result -> stats.recordResult(result, eventId))
                .toList();
        for (UserBetResult result : applied) {
            UserBetStats current = stats.lock(result.userId(), result.stake().currency());
            stats.save(current.with(result));
        }
        return applied;
    }

    @Transactional(readOnly = true)
    public Optional<UserBetStats> of(String userId) {
        return stats.find(userId);
    }

    public record Leaderboard(List<UserStatsRepository.LeaderboardRow> rows, long total) {
    }

    @Transactional(readOnly = true)
    public Leaderboard leaderboard(LeaderboardRanking ranking, LeaderboardPeriod period, int page, int size) {
        Optional<Instant> since = period.since(clock.instant());
        return since.map(from -> new Leaderboard(stats.since(from, ranking, page, size), stats.countSince(from)))
                .orElseGet(() -> new Leaderboard(stats.allTime(ranking, page, size), stats.countAllTime()));
    }
}
