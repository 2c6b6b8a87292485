package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.WalletGatewayProperties;
import dev.p2pbet.wallet.provider.ProviderTransfer;
import dev.p2pbet.wallet.provider.ProviderUnavailableException;
import dev.p2pbet.wallet.provider.WalletProviderClient;
import dev.p2pbet.wallet.transfer.domain.Transfer;
import dev.p2pbet.wallet.transfer.domain.TransferStatus;
import dev.p2pbet.wallet.transfer.persistence.TransferLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
 */
@Component
class TransferReconciler {

    private static final Logger log = LoggerFactory.getLogger(TransferReconciler.class);
    private static final int BATCH = 50;

    private final TransferLedger ledger;
    private final TransferService transfers;
    private final WalletProviderClient provider;
    private final TransferMetrics metrics;
    private final WalletGatewayProperties.Reconciler settings;
    private final Clock clock;

    TransferReconciler(TransferLedger ledger, TransferService transfers, WalletProviderClient provider,
                       TransferMetrics metrics, WalletGatewayProperties properties, Clock clock) {
        this.ledger = ledger;
        this.transfers = transfers;
        this.provider = provider;
        this.metrics = metrics;
        this.settings = properties.reconciler();
        this.clock = clock;
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
            for (String id : ledger.claimStale(TransferStatus.SUBMITTED, clock.instant().minus(settings.submittedAfter()), BATCH)) {
                pollSubmitted(id);
            }
            for (String id : ledger.claimStale(TransferStatus.REQUESTED, clock.instant().minus(settings.requestedAfter()), BATCH)) {
                recoverRequested(id);
            }
            metrics.pending(ledger.countPending());
        } catch (RuntimeException e) {
            log.warn("Reconciling transfers failed; the next run retries", e);
        }
    }

    private void pollSubmitted(String id) {
        Optional<Transfer> transfer = ledger.find(id);
        if (transfer.isEmpty() || transfer.get().status() != TransferStatus.SUBMITTED) {
            return;
        }
        try {
            ProviderTransfer reported = provider.transfer(transfer.get().providerTransferId());
            if (!reported.isPending() && transfers.apply(transfer.get(), reported)) {
                metrics.reconcilerFixed(reported.isConfirmed() ? "confirmed_by_poll" : "failed_by_poll");
            }
        } catch (ProviderUnavailableException e) {
            log.warn("Cannot poll transfer {} now: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Polling transfer {} failed", id, e);
        }
    }

    private void recoverRequested(String id) {
        Optional<Transfer> before = ledger.find(id);
        if (before.isEmpty() || before.get().status() != TransferStatus.REQUESTED) {
            return;
        }
        try {
            transfers.drive(id, before.get().attempts() >= settings.maxAttempts());
        } catch (RuntimeException e) {
            log.error("Recovering transfer {} failed", id, e);
            return;
        }
        ledger.find(id).filter(after -> after.status() != TransferStatus.REQUESTED)
                .ifPresent(after -> metrics.reconcilerFixed("recovered_" + after.status().code()));
    }
}
