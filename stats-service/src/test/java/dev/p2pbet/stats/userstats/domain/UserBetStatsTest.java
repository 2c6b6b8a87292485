package dev.p2pbet.stats.userstats.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pbet.plumbing.money.CurrencyMismatchException;
import dev.p2pbet.plumbing.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserBetStatsTest {

    private static final Instant AT = Instant.parse("2026-11-25T22:00:00Z");
    private static final Money STAKE = usd(1_000);

    @Test
    void a_winner_earns_the_payout_minus_their_stake() {
        // pot 2000, fee 2.5 % = 50, payout 1950
        assertThat(won().netProfit()).isEqualTo(usd(950));
    }

    @Test
    void a_loser_loses_their_stake() {
        assertThat(lost().netProfit()).isEqualTo(usd(-1_000));
    }

    @Test
    void a_refund_costs_the_gas() {
        UserBetResult refund = UserBetResult.refunded("b-1", "g-1", "alice", STAKE, usd(970), AT);

        assertThat(refund.netProfit()).isEqualTo(usd(-30));
    }

    @Test
    void counts_every_closed_stake_and_adds_up_stakes_and_profit() {
        UserBetStats stats = alice().with(won()).with(lost()).with(refunded());

        assertThat(stats.betsSettled()).isEqualTo(3);
        assertThat(stats.wins()).isEqualTo(1);
        assertThat(stats.losses()).isEqualTo(1);
        assertThat(stats.refunds()).isEqualTo(1);
        assertThat(stats.totalStaked()).isEqualTo(usd(3_000));
        assertThat(stats.netProfit()).isEqualTo(usd(950 - 1_000 - 30));
    }

    @Test
    void wins_in_a_row_make_a_positive_streak() {
        assertThat(alice().with(won()).with(won()).with(won()).currentStreak()).isEqualTo(3);
    }

    @Test
    void losses_in_a_row_make_a_negative_streak() {
        assertThat(alice().with(won()).with(lost()).with(lost()).currentStreak()).isEqualTo(-2);
    }

    @Test
    void a_win_after_losses_starts_a_new_streak() {
        assertThat(alice().with(lost()).with(lost()).with(won()).currentStreak()).isEqualTo(1);
    }

    @Test
    void a_refund_neither_extends_nor_breaks_the_streak() {
        assertThat(alice().with(won()).with(refunded()).with(won()).currentStreak()).isEqualTo(2);
        assertThat(alice().with(refunded()).currentStreak()).isZero();
    }

    @Test
    void roi_is_net_profit_over_total_staked_in_basis_points() {
        UserBetStats stats = alice().with(won()).with(lost()).with(refunded());

        // -80 / 3000 = -2.6667 % -> -267 bp (half away from zero)
        assertThat(stats.roiBasisPoints()).hasValue(-267);
        assertThat(Roi.percent(-267)).isEqualTo("-2.67");
    }

    @Test
    void roi_rounds_half_away_from_zero() {
        assertThat(Roi.basisPoints(usd(1), usd(20_000))).hasValue(1);   // 0.5 bp
        assertThat(Roi.basisPoints(usd(-1), usd(20_000))).hasValue(-1);
    }

    @Test
    void there_is_no_roi_before_anything_was_staked() {
        assertThat(alice().roiBasisPoints()).isEmpty();
    }

    @Test
    void refuses_to_mix_currencies() {
        UserBetResult euros = UserBetResult.lost("b-9", "g-1", "alice", Money.of(500, "EUR"), AT);

        assertThatThrownBy(() -> alice().with(euros)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void the_week_counts_the_last_seven_days() {
        assertThat(LeaderboardPeriod.WEEK.since(AT)).contains(AT.minusSeconds(7 * 86_400));
        assertThat(LeaderboardPeriod.ALL.since(AT)).isEmpty();
    }

    private static UserBetStats alice() {
        return UserBetStats.none("alice", "USD");
    }

    private static UserBetResult won() {
        return UserBetResult.won("b-1", "g-1", "alice", STAKE, usd(1_950), AT);
    }

    private static UserBetResult lost() {
        return UserBetResult.lost("b-2", "g-1", "alice", STAKE, AT);
    }

    private static UserBetResult refunded() {
        return UserBetResult.refunded("b-3", "g-1", "alice", STAKE, usd(970), AT);
    }

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }
}
