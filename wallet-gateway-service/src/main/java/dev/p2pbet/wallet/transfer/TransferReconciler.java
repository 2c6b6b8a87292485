package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.WalletGatewayProperties;
import dev.p2pbet.wallet.provider.ProviderTransfer;
import dev.p2pbet.wallet.provider.ProviderUnavailableException;
import dev.p2pbet.wallet.provider.WalletProviderClient;
import dev.p2pbet.wallet.transfer.domain.Transfer;
import dev.p2pbet.wallet.transfer.domain.TransferStatus;
import dev.p2pbet.wallet.transfer.persistence.TransferLedger;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes what webhooks and the command path left: transfers {@code submitted} for longer than
 * {@code submitted-after} (a webhook dropped or late) are read back from the provider and settled; transfers
 * {@code requested} for longer than {@code requested-after} (the provider call's outcome is unknown: timeout,
 * 5xx, a crash before the commit) are looked up by their idempotency key and adopted, or sent again under that
 * key, or, after {@code max-attempts} calls the provider never took, failed as PROVIDER_UNAVAILABLE.
 * Claiming a row moves its {@code updated_at}, so replicas share the work.
 *
 * <p>A run takes up everything stale, not one batch: while the provider's circuit is closed each transfer's calls are
 * handed over to {@link ProviderCalls}, beside the command consumers' calls; while it is not, one transfer at a time
 * probes the provider and the rest stay due ({@link StaleTransferIntake}). It used to claim one batch of each status
 * per run and make the calls itself, one after another: at most 25 transfers a second of each status whatever the
 * provider's speed, so the transfers a provider outage left behind drained at that pace once it was back (a game's
 * payouts come in thousands). A transfer driven twice (a run longer than {@code requested-after}, two replicas, one's
 * probe beside another's batch) is safe: both drives use its idempotency key and settle it through the ledger's
 * guarded updates.
 */
@Component
class TransferReconciler {

    private static final Logger log = LoggerFactory.getLogger(TransferReconciler.class);

    private final TransferLedger ledger;
    private final TransferService transfers;
    private final WalletProviderClient provider;
    private final TransferMetrics metrics;
    private final ProviderCalls calls;
    private final WalletGatewayProperties.Reconciler settings;

    TransferReconciler(TransferLedger ledger, TransferService transfers, WalletProviderClient provider,
                       TransferMetrics metrics, ProviderCalls calls, WalletGatewayProperties properties) {
        this.ledger = ledger;
        this.transfers = transfers;
        this.provider = provider;
        this.metrics = metrics;
        this.calls = calls;
        this.settings = properties.reconciler();
        Duration longestCall = longestProviderCall(properties.provider());
        if (settings.requestedAfter().compareTo(longestCall) <= 0) {
            throw new IllegalStateException("p2pbet.wallet.reconciler.requested-after (" + settings.requestedAfter()
                    + ") must exceed the longest provider call with its retries (" + longestCall + "), or the "
                    + "reconciler could give up on a transfer whose call is still in flight");
        }
    }

    /** Every attempt at its connect + read timeouts, plus the backoffs between them (doubling, up to 20 % jitter). */
    static Duration longestProviderCall(WalletGatewayProperties.Provider provider) {
        Duration perAttempt = provider.connectTimeout().plus(provider.readTimeout());
        Duration total = perAttempt.multipliedBy(provider.maxAttempts());
        Duration backoff = provider.initialBackoff();
        for (int attempt = 1; attempt < provider.maxAttempts(); attempt++) {
            total = total.plus(backoff.multipliedBy(12).dividedBy(10));
            backoff = backoff.multipliedBy(2);
        }
        return total;
    }

    @Scheduled(fixedDelayString = "${p2pbet.wallet.reconciler.interval:2s}")
    void run() {
        if (!settings.enabled()) {
            return;
        }
        try {
            int polled = takeUp(TransferStatus.SUBMITTED, settings.submittedAfter(), this::pollSubmitted);
            int recovered = takeUp(TransferStatus.REQUESTED, settings.requestedAfter(), this::recoverRequested);
            if (polled + recovered > 0) {
                log.info("Reconciler took up {} submitted transfers to read back and {} requested ones to recover",
                        polled, recovered);
            }
            metrics.pending(ledger.countPending());
        } catch (RuntimeException e) {
            log.warn("Reconciling transfers failed; the next run retries", e);
        }
    }

    private int takeUp(TransferStatus status, Duration stale, Predicate<String> movedOn) {
        return new StaleTransferIntake(limit -> ledger.claimStale(status, stale, limit),
                () -> ledger.oldestStale(status, stale), provider::circuitClosed, calls::handOver).takeUp(movedOn);
    }

    /** Reads a submitted transfer back and settles it; false when it is still submitted. */
    private boolean pollSubmitted(String id) {
        Optional<Transfer> transfer = ledger.find(id);
        if (transfer.isEmpty() || transfer.get().status() != TransferStatus.SUBMITTED) {
            return true;
        }
        try {
            ProviderTransfer reported = provider.transfer(transfer.get().providerTransferId());
            if (!reported.isPending() && transfers.apply(transfer.get(), reported)) {
                metrics.reconcilerFixed(reported.isConfirmed() ? "confirmed_by_poll" : "failed_by_poll");
            }
        } catch (ProviderUnavailableException e) {
            log.warn("Cannot poll transfer {} now: {}", id, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.error("Polling transfer {} failed", id, e);
            return false;
        }
        return movedOn(id, TransferStatus.SUBMITTED).isPresent();
    }

    /** Drives a requested transfer on; false when it is still requested (the provider did not take it). */
    private boolean recoverRequested(String id) {
        Optional<Transfer> before = ledger.find(id);
        if (before.isEmpty() || before.get().status() != TransferStatus.REQUESTED) {
            return true;
        }
        try {
            transfers.drive(id, before.get().attempts() >= settings.maxAttempts());
        } catch (RuntimeException e) {
            log.error("Recovering transfer {} failed", id, e);
            return false;
        }
        Optional<Transfer> after = movedOn(id, TransferStatus.REQUESTED);
        after.ifPresent(found -> metrics.reconcilerFixed("recovered_" + found.status().code()));
        return after.isPresent();
    }

    /** The transfer, when it is no longer in {@code status}. */
    private Optional<Transfer> movedOn(String id, TransferStatus status) {
        return ledger.find(id).filter(found -> found.status() != status);
    }
}
