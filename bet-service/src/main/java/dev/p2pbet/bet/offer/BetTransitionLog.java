package dev.p2pbet.bet.offer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One log line per committed transition, written in the trace of the work that caused it (the
 * offer's request, the escrow outcome's record), so an operator finds a bet's history in the logs
 * by its id or by its trace id.
 */
@Component
class BetTransitionLog {

    private static final Logger log = LoggerFactory.getLogger(BetTransitionLog.class);

    @TransactionalEventListener
    void on(BetChanged changed) {
        log.info("Bet {} {} -> {}", changed.bet().betId(),
                changed.from() == null ? "new" : changed.from().code(), changed.bet().status().code());
    }
}
