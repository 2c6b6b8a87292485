package dev.p2pbet.settlement;

import dev.p2pbet.plumbing.money.Money;
import dev.p2pbet.settlement.decision.domain.GasPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settlement's money settings, under {@code p2pbet.settlement}.
 *
 * @param currency              the deployment's currency: every stake is in it
 * @param feeBps                fee on the pot, in basis points ({@code floor(2*stake*fee_bps/10000)})
 * @param refundGasEstimateMinor gas quote of a transfer out of escrow when the vault balance report
 *                              carries none (DESIGN §3: gas_out is fixed when the refund is commanded)
 * @param maxGasShareBps        a transfer waits in high_gas_wait while its gas quote is at or above this
 *                              share of its amount (10000: at or above the amount)
 * @param pollInterval          how often waiting work is looked at
 * @param auditTimeout          an audit request unanswered this long is given up and asked again
 * @param shortfallBackoff      wait after a first shortfall, doubled on each further one
 * @param shortfallBackoffMax   cap of that wait
 * @param highGasRetry          wait before a bet held for gas is looked at again
 * @param marginRefresh         how often the margin gauge is read from the books
 */
@ConfigurationProperties("p2pbet.settlement")
public record SettlementProperties(@DefaultValue("USD") String currency,
                                   @DefaultValue("250") long feeBps,
                                   @DefaultValue("10") long refundGasEstimateMinor,
                                   @DefaultValue("10000") long maxGasShareBps,
                                   @DefaultValue("PT5S") Duration pollInterval,
                                   @DefaultValue("PT30S") Duration auditTimeout,
                                   @DefaultValue("PT5S") Duration shortfallBackoff,
                                   @DefaultValue("PT5M") Duration shortfallBackoffMax,
                                   @DefaultValue("PT1M") Duration highGasRetry,
                                   @DefaultValue("PT30S") Duration marginRefresh) {

    public Money money(long minor) {
        return Money.of(minor, currency);
    }

    public GasPolicy gasPolicy() {
        return new GasPolicy(maxGasShareBps);
    }

    /** The wait after the {@code n}th shortfall in a row (1, 2, ...): doubled each time, capped. */
    public Duration backoffAfter(int shortfallsInARow) {
        int doublings = Math.min(Math.max(shortfallsInARow - 1, 0), 20);
        Duration wait = shortfallBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(shortfallBackoffMax) > 0 ? shortfallBackoffMax : wait;
    }
}
