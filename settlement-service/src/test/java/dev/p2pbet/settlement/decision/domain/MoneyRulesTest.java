package dev.p2pbet.settlement.decision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pbet.plumbing.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** DESIGN §3: payouts, fees, refunds, the gas rule and the audit verdict, in integer minor units. */
class MoneyRulesTest {

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    @ParameterizedTest(name = "stake {0} at {1} bps -> fee {2}, winner {3}")
    @CsvSource({
            "1000, 250, 50, 1950",
            "1, 250, 0, 2",          // 2 * 250 / 10000 = 0.05 -> 0
            "19, 250, 0, 38",        // 38 * 0.025 = 0.95 -> 0
            "20, 250, 1, 39",        // 40 * 0.025 = 1.00 -> 1
            "39, 250, 1, 77",        // 78 * 0.025 = 1.95 -> 1 (floor, never rounds up)
            "333, 250, 16, 650",     // 666 * 0.025 = 16.65 -> 16
            "1000, 0, 0, 2000",
            "1000, 10000, 2000, 0"})
    void the_fee_is_floor_of_two_stakes_times_fee_bps_and_the_winner_gets_the_rest(long stake, long bps, long fee,
                                                                                   long winner) {
        PayoutSplit split = PayoutSplit.of(usd(stake), bps);

        assertThat(split.fee()).isEqualTo(usd(fee));
        assertThat(split.toWinner()).isEqualTo(usd(winner));
        assertThat(split.toWinner().plus(split.fee())).isEqualTo(usd(2 * stake)).isEqualTo(split.pot());
    }

    @ParameterizedTest(name = "stake {0}, gas in {1}, gas out {2} -> user {3}, ops {4}")
    @CsvSource({
            "1000, 12, 9, 979, 21",
            "1000, 0, 0, 1000, 0",
            "100, 60, 40, 0, 100",   // exactly eaten by gas
            "100, 60, 50, 0, 100",   // clamps at 0: the user never owes
            "100, 150, 0, 0, 100",   // gas in alone above the stake
            "1, 0, 1, 0, 1"})
    void a_refund_gives_the_user_the_stake_minus_both_gases_clamped_at_zero_and_ops_the_rest(
            long stake, long gasIn, long gasOut, long user, long ops) {
        RefundSplit split = RefundSplit.of(usd(stake), usd(gasIn), usd(gasOut));

        assertThat(split.toUser()).isEqualTo(usd(user));
        assertThat(split.toOps()).isEqualTo(usd(ops));
        assertThat(split.toUser().plus(split.toOps())).isEqualTo(usd(stake));
    }

    @Test
    void refuses_a_stake_that_is_not_positive_and_negative_gas() {
        assertThatThrownBy(() -> PayoutSplit.of(usd(0), 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefundSplit.of(usd(10), usd(-1), usd(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "amount {0}, quote {1}, share {2} bps -> send {3}")
    @CsvSource({
            "100, 99, 10000, true",
            "100, 100, 10000, false",  // at the amount: waits
            "100, 150, 10000, false",
            "100, 49, 5000, true",
            "100, 50, 5000, false"})
    void a_transfer_whose_gas_quote_reaches_its_share_of_the_amount_waits(long amount, long quote, long share,
                                                                          boolean send) {
        assertThat(new GasPolicy(share).worthSending(usd(amount), usd(quote))).isEqualTo(send);
    }

    @Test
    void a_refund_waits_for_gas_only_while_waiting_can_still_give_the_user_something() {
        GasPolicy policy = new GasPolicy(10_000);

        assertThat(policy.refundWaits(usd(100), usd(10), usd(90))).isTrue();
        assertThat(policy.refundWaits(usd(100), usd(10), usd(89))).isFalse();
        assertThat(policy.refundWaits(usd(100), usd(100), usd(500))).isFalse();
    }

    @ParameterizedTest(name = "expected {0}, actual {1} -> {2}")
    @CsvSource({
            "1000, 1000, BALANCED, 0, true",
            "1000, 1001, SURPLUS, 1, true",
            "1000, 999, SHORTFALL, -1, false"})
    void the_audit_blocks_payouts_on_a_shortfall_only(long expected, long actual, LiquidityCheck.Verdict verdict,
                                                      long difference, boolean releases) {
        LiquidityCheck check = LiquidityCheck.of(usd(expected), usd(actual));

        assertThat(check.verdict()).isEqualTo(verdict);
        assertThat(check.difference()).isEqualTo(usd(difference));
        assertThat(check.releasesPayouts()).isEqualTo(releases);
    }
}
