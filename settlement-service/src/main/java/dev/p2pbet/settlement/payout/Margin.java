package dev.p2pbet.settlement.payout;

import dev.p2pbet.settlement.SettlementMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The platform's margin (DESIGN §3: fees collected minus gas sponsored; it must stay positive), as settlement's
 * books see it: fees and gas recovered that reached PLATFORM_REVENUE / PLATFORM_OPS, minus the gas of every
 * confirmed escrow-in and of every confirmed transfer out of escrow. Read from the tables on a schedule (a few
 * sums over indexed tables), not on every scrape.
 */
@Component
class Margin {

    private static final Logger log = LoggerFactory.getLogger(Margin.class);

    private final JdbcClient jdbc;
    private final SettlementMetrics metrics;

    Margin(JdbcClient jdbc, SettlementMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${p2pbet.settlement.margin-refresh:PT30S}", initialDelayString = "PT2S")
    void refresh() {
        try {
            metrics.margin(jdbc.sql("""
                            SELECT coalesce((SELECT sum(amount_minor) FROM settlement_transfers
                                             WHERE status = 'confirmed' AND purpose IN ('FEE', 'GAS_RECOVERY')), 0)
                                 - coalesce((SELECT sum(coalesce(gas_used_minor, 0)) FROM settlement_transfers
                                             WHERE status = 'confirmed'), 0)
                                 - coalesce((SELECT sum(coalesce(creator_gas_minor, 0) + coalesce(acceptor_gas_minor, 0))
                                             FROM escrowed_bets), 0)""")
                    .query(Long.class).single());
        } catch (RuntimeException e) {
            log.warn("Margin not refreshed, next refresh retries: {}", e.toString());
        }
    }
}
