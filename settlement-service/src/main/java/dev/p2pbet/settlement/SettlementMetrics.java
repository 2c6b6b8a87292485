package dev.p2pbet.settlement;

import dev.p2pbet.plumbing.money.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What operations watch: bets settled, money paid and refunded, audits by verdict (a shortfall is
 * an alert, and so is a surplus) with the vault's expected and actual balance, payouts blocked, gas
 * held, the platform's margin, settlement duration per game. Every business meter is named
 * {@code betting.*} (Prometheus {@code betting_*}, the names the business dashboard queries).
 */
@Component
public class SettlementMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger blocked = new AtomicInteger();
    private final AtomicLong vaultExpected = new AtomicLong();
    private final AtomicLong vaultActual = new AtomicLong();
    private final AtomicLong margin = new AtomicLong();

    public SettlementMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("betting.payouts.blocked", blocked, AtomicInteger::get)
                .description("1 while the last liquidity audit found a shortfall: no money leaves escrow")
                .register(registry);
        Gauge.builder("betting.audit.vault.expected.minor", vaultExpected, AtomicLong::get)
                .description("What the books say the vault holds, as of the last audit, minor units")
                .register(registry);
        Gauge.builder("betting.audit.vault.actual.minor", vaultActual, AtomicLong::get)
                .description("What the provider said the vault holds, as of the last audit, minor units")
                .register(registry);
        Gauge.builder("betting.margin.minor", margin, AtomicLong::get)
                .description("Fees collected plus gas recovered minus gas sponsored (escrow-ins and transfers out), "
                        + "minor units: must stay positive")
                .register(registry);
    }

    public void audit(String verdict, Money expected, Money actual, Money difference) {
        Counter.builder("betting.liquidity.audits").tag("verdict", verdict).description("Liquidity audits by verdict")
                .register(registry).increment();
        if (!"BALANCED".equals(verdict)) {
            DistributionSummary.builder("betting.audit.discrepancy.minor").tag("verdict", verdict)
                    .description("Absolute vault discrepancy found by an audit, minor units").register(registry)
                    .record(Math.abs(difference.amountMinor()));
        }
        vaultExpected.set(expected.amountMinor());
        vaultActual.set(actual.amountMinor());
        blocked.set("SHORTFALL".equals(verdict) ? 1 : 0);
    }

    public void settled(String outcome) {
        Counter.builder("betting.bets.settled").tag("outcome", outcome).description("Bets settled (money confirmed)")
                .register(registry).increment();
    }

    public void paid(Money payout, Money fee) {
        Counter.builder("betting.payouts.amount.minor").description("Paid to winners, minor units")
                .register(registry).increment(payout.amountMinor());
        Counter.builder("betting.fees.amount.minor").description("Fees to revenue, minor units")
                .register(registry).increment(fee.amountMinor());
    }

    public void refunded(Money refunded, Money gasRecovered) {
        Counter.builder("betting.refunds.amount.minor").description("Refunded to users, minor units")
                .register(registry).increment(refunded.amountMinor());
        Counter.builder("betting.gas.recovered.minor").description("Gas recovered to PLATFORM_OPS, minor units")
                .register(registry).increment(gasRecovered.amountMinor());
    }

    /**
     * Refund gas quoted minus gas used, in two counters (a counter never goes down): what the platform gained
     * where the quote was above the gas used, and what it lost where it was below.
     */
    public void gasQuoteDifference(long gainedMinor, long lostMinor) {
        Counter.builder("betting.gas.quote.gain.minor")
                .description("Refund gas quoted above the gas used: the platform's gain, minor units")
                .register(registry).increment(gainedMinor);
        Counter.builder("betting.gas.quote.loss.minor")
                .description("Refund gas used above the gas quoted: the platform's loss, minor units")
                .register(registry).increment(lostMinor);
    }

    public void heldForGas(int bets) {
        Counter.builder("betting.high.gas.held").description("Bets put in high_gas_wait").register(registry)
                .increment(bets);
    }

    public void transferFailed(String purpose) {
        Counter.builder("betting.settlement.transfers.failed").tag("purpose", purpose)
                .description("Transfers out of escrow the provider refused").register(registry).increment();
    }

    public void gameSettled(Duration duration) {
        Timer.builder("betting.settlement.duration").description("From a game's result to its last bet settled")
                .publishPercentileHistogram()
                .register(registry).record(duration);
    }

    public void margin(long minor) {
        margin.set(minor);
    }
}
