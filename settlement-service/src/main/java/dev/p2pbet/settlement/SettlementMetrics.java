package dev.p2pbet.settlement;

import dev.p2pbet.plumbing.money.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What operations watch: bets settled, money paid and refunded, audits by verdict (a shortfall is
 * an alert, and so is a surplus), payouts blocked, gas held, settlement duration per game.
 */
@Component
public class SettlementMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger blocked = new AtomicInteger();

    public SettlementMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("settlement.payouts.blocked", blocked, AtomicInteger::get)
                .description("1 while the last liquidity audit found a shortfall: no money leaves escrow")
                .register(registry);
    }

    public void audit(String verdict, Money difference) {
        Counter.builder("settlement.audits").tag("verdict", verdict).description("Liquidity audits by verdict")
                .register(registry).increment();
        if (!"BALANCED".equals(verdict)) {
            DistributionSummary.builder("settlement.audit.discrepancy.minor").tag("verdict", verdict)
                    .description("Absolute vault discrepancy found by an audit, minor units").register(registry)
                    .record(Math.abs(difference.amountMinor()));
        }
        blocked.set("SHORTFALL".equals(verdict) ? 1 : 0);
    }

    public void settled(String outcome) {
        Counter.builder("settlement.bets.settled").tag("outcome", outcome).description("Bets settled (money confirmed)")
                .register(registry).increment();
    }

    public void paid(Money payout, Money fee) {
        Counter.builder("settlement.payouts.amount.minor").description("Paid to winners, minor units")
                .register(registry).increment(payout.amountMinor());
        Counter.builder("settlement.fees.amount.minor").description("Fees to revenue, minor units")
                .register(registry).increment(fee.amountMinor());
    }

    public void refunded(Money refunded, Money gasRecovered) {
        Counter.builder("settlement.refunds.amount.minor").description("Refunded to users, minor units")
                .register(registry).increment(refunded.amountMinor());
        Counter.builder("settlement.gas.recovered.minor").description("Gas recovered to PLATFORM_OPS, minor units")
                .register(registry).increment(gasRecovered.amountMinor());
    }

    public void gasQuoteDifference(long quoteMinusActual) {
        Counter.builder("settlement.gas.quote.difference.minor")
                .description("Refund gas quoted minus gas used: the platform's gain (or loss when negative)")
                .register(registry).increment(quoteMinusActual);
    }

    public void heldForGas(int bets) {
        Counter.builder("settlement.high.gas.held").description("Bets put in high_gas_wait").register(registry)
                .increment(bets);
    }

    public void transferFailed(String purpose) {
        Counter.builder("settlement.transfers.failed").tag("purpose", purpose)
                .description("Transfers out of escrow the provider refused").register(registry).increment();
    }

    public void gameSettled(Duration duration) {
        Timer.builder("settlement.game.duration").description("From a game's result to its last bet settled")
                .register(registry).record(duration);
    }
}
