package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.account.Accounts;
import dev.p2pbet.walletsim.account.domain.Account;
import dev.p2pbet.walletsim.fault.FaultInjector;
import dev.p2pbet.walletsim.transfer.domain.SettlementBatch;
import dev.p2pbet.walletsim.transfer.domain.Transfer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated network: settles transfers whose confirmation delay has passed, up to
 * {@code wallet-simulator.transfers.settle-batch-size} (default 100) per transaction. It locks the due transfers
 * ({@code SKIP LOCKED}, so several instances can share the work), then every account they touch, once, in id order;
 * releases the holds and, for a confirmation, moves amount and gas ({@link SettlementBatch}); writes each account
 * once, marks each transfer settled (guarded by its pending status) and writes the webhook events, all in the same
 * transaction: a batch settles whole or not at all.
 *
 * <p>Why batches: every transfer locks and writes {@code PLATFORM_OPS} and {@code NETWORK_FEES} (and most
 * {@code ESCROW_VAULT}), which every submission locks too; one transaction per transfer held those rows for about a
 * dozen round trips per transfer, so the whole provider moved at most one transfer per such hold. When a batch
 * fails, the rest of the run settles one transfer per transaction, so one bad transfer holds up no transfer ahead
 * of it.
 */
@Component
class TransferSettler {

    static final String NETWORK_REJECTION = "rejected_by_network";
    private static final Logger log = LoggerFactory.getLogger(TransferSettler.class);
    private static final int BATCHES_PER_RUN = 20;

    private final TransferRepository transfers;
    private final Accounts accounts;
    private final NetworkSettings network;
    private final FaultInjector faults;
    private final TransferEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int batchSize;

    TransferSettler(TransferRepository transfers, Accounts accounts, NetworkSettings network, FaultInjector faults,
                    TransferEvents events, TransactionTemplate transaction, Clock clock, MeterRegistry meters,
                    WalletSimulatorProperties properties) {
        this.transfers = transfers;
        this.accounts = accounts;
        this.network = network;
        this.faults = faults;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
        this.batchSize = properties.transfers().settleBatchSize();
    }

    void settleDue() {
        int batch = batchSize;
        int settled = 0;
        while (settled < BATCHES_PER_RUN * batchSize) {
            List<Transfer> done;
            try {
                int size = batch;
                done = transaction.execute(status -> settleNext(size));
            } catch (RuntimeException e) {
                if (batch == 1) {
                    log.warn("Settling transfers failed; the next run retries", e);
                    return;
                }
                log.warn("Settling a batch of transfers failed; this run goes on one transfer per transaction", e);
                batch = 1;
                continue;
            }
            if (done == null || done.isEmpty()) {
                return;
            }
            done.forEach(transfer -> meters.counter("walletsim.transfers", "outcome", transfer.status().code()).increment());
            settled += done.size();
            if (done.size() < batch) {
                return;
            }
        }
    }

    private List<Transfer> settleNext(int limit) {
        Instant now = clock.instant();
        List<Transfer> due = transfers.lockDue(now, limit);
        if (due.isEmpty()) {
            return List.of();
        }
        List<Transfer> settled = due.stream().map(pending -> settle(pending, now)).toList();
        Map<String, Account> locked = accounts.lockAll(SettlementBatch.accountsToLock(settled));
        accounts.saveAll(SettlementBatch.apply(locked, settled).values());
        transfers.settleAll(settled);
        events.settled(settled);
        return settled;
    }

    private Transfer settle(Transfer pending, Instant now) {
        if (faults.failTransfer()) {
            return pending.fail(NETWORK_REJECTION, now);
        }
        long gasUsed = faults.gasUsed(network.current().gas(), pending.request().amountMinor());
        return pending.confirm(Math.min(gasUsed, pending.gasLimitMinor()), now);
    }
}
