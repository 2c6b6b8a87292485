package dev.p2pbet.stats.userstats.domain;

/** What a leaderboard ranks by; ties go to the other measure, then to the user id. */
public enum LeaderboardRanking {
    PROFIT, WINS
}
