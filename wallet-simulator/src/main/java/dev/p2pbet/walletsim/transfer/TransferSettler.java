package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.account.Accounts;
import dev.p2pbet.walletsim.account.domain.Account;
import dev.p2pbet.walletsim.fault.FaultInjector;
import dev.p2pbet.walletsim.transfer.domain.Transfer;
import dev.p2pbet.walletsim.transfer.domain.TransferStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated network: settles transfers whose confirmation delay has passed, one transaction each. It locks
 * the transfer ({@code SKIP LOCKED}, so several instances can share the work), then every account it touches in
 * id order, releases the holds and, for a confirmation, moves amount and gas; the webhook event is written in the
 * same transaction.
 */
@Component
class TransferSettler {

    static final String NETWORK_REJECTION = "rejected_by_network";
    private static final Logger log = LoggerFactory.getLogger(TransferSettler.class);
    private static final int MAX_PER_RUN = 200;

    private final TransferRepository transfers;
    private final Accounts accounts;
    private final NetworkSettings network;
    private final FaultInjector faults;
    private final TransferEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    TransferSettler(TransferRepository transfers, Accounts accounts, NetworkSettings network, FaultInjector faults,
                    TransferEvents events, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.transfers = transfers;
        this.accounts = accounts;
        this.network = network;
        this.faults = faults;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    void settleDue() {
        try {
            for (int settled = 0; settled < MAX_PER_RUN; settled++) {
                Optional<Transfer> done = transaction.execute(status -> settleNext());
                if (done == null || done.isEmpty()) {
                    return;
                }
                meters.counter("walletsim.transfers", "outcome", done.get().status().code()).increment();
            }
        } catch (RuntimeException e) {
            log.warn("Settling transfers failed; the next run retries", e);
        }
    }

    private Optional<Transfer> settleNext() {
        Instant now = clock.instant();
        Optional<Transfer> due = transfers.lockNextDue(now);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Transfer pending = due.get();
        Transfer settled = settle(pending, now);
        Map<String, Account> locked = new TreeMap<>();
        for (String id : settled.touchedAccounts().keySet()) {
            locked.put(id, accounts.lock(id));
        }
        pending.holds().forEach((id, held) -> locked.computeIfPresent(id, (key, account) -> account.release(held)));
        if (settled.status() == TransferStatus.CONFIRMED) {
            settled.postings().forEach((id, delta) -> locked.computeIfPresent(id, (key, account) -> account.post(delta)));
        }
        locked.values().forEach(accounts::save);
        transfers.settle(settled);
        events.settled(settled);
        return Optional.of(settled);
    }

    private Transfer settle(Transfer pending, Instant now) {
        if (faults.failTransfer()) {
            return pending.fail(NETWORK_REJECTION, now);
        }
        long gasUsed = faults.gasUsed(network.current().gas(), pending.request().amountMinor());
        return pending.confirm(Math.min(gasUsed, pending.gasLimitMinor()), now);
    }
}
