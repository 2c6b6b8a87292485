package dev.p2pbet.settlement.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for work that waits for an audit: retries after a shortfall, bets held for gas, failed transfers. */
@Component
class AuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

    private final LiquidityAuditor auditor;

    AuditSchedule(LiquidityAuditor auditor) {
        this.auditor = auditor;
    }

    @Scheduled(fixedDelayString = "${p2pbet.settlement.poll-interval:PT5S}", initialDelayString = "PT1S")
    void tick() {
        try {
            auditor.tick();
        } catch (RuntimeException e) {
            log.warn("Audit schedule tick failed, next tick retries: {}", e.toString());
        }
    }
}
