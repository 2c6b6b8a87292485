package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.WalletGatewayProperties;
import dev.p2pbet.wallet.provider.ProviderTransfer;
import dev.p2pbet.wallet.provider.ProviderUnavailableException;
import dev.p2pbet.wallet.provider.WalletProviderClient;
import dev.p2pbet.wallet.transfer.domain.Transfer;
import dev.p2pbet.wallet.transfer.domain.TransferStatus;
import dev.p2pbet.wallet.transfer.persistence.TransferLedger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
 * <p>A run claims batch after batch until nothing stale is left, and hands each transfer's provider calls over to
 * {@link ProviderCalls}, beside the command consumers' calls. It used to claim one batch of each status per run and
 * make the calls itself, one after another: at most 25 transfers a second of each status whatever the provider's
 * speed, so the transfers a provider outage left behind drained at that pace once it was back (a game's payouts
 * come in thousands). A transfer claimed twice (a run longer than {@code requested-after}, or two replicas) is
 * safe: both drives use its idempotency key and settle it through the ledger's guarded updates. While the provider's
 * circuit is not closed the reconciler still calls one after another ({@link WalletProviderClient#answersNormally}).
 */
@Component
class TransferReconciler {

    private static final Logger log = LoggerFactory.getLogger(TransferReconciler.class);
    private static final int BATCH = 50;

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
            int polled = handOverStale(TransferStatus.SUBMITTED, settings.submittedAfter(), this::pollSubmitted);
            int recovered = handOverStale(TransferStatus.REQUESTED, settings.requestedAfter(), this::recoverRequested);
            if (polled + recovered > 0) {
                log.info("Reconciler took up {} submitted transfers to read back and {} requested ones to recover",
                        polled, recovered);
            }
            metrics.pending(ledger.countPending());
        } catch (RuntimeException e) {
            log.warn("Reconciling transfers failed; the next run retries", e);
        }
    }

    /**
     * Claims the transfers stale in {@code status}, a batch at a time, and hands each over; waits only for free call
     * slots. Ends because a claimed transfer is not stale again for {@code stale}.
     */
    private int handOverStale(TransferStatus status, Duration stale, Consumer<String> work) {
        int handedOver = 0;
        List<String> claimed;
        do {
            claimed = ledger.claimStale(status, stale, BATCH);
            for (String id : claimed) {
                if (provider.answersNormally()) {
                    calls.handOver(() -> work.accept(id));
                } else {
                    // Open, each call fails at once; half-open, the circuit lets a few calls through to probe the
                    // provider and refuses the others: one after another, the first calls close it, and the rest
                    // need not wait another requested-after for having been refused together.
                    work.accept(id);
                }
            }
            handedOver += claimed.size();
        } while (claimed.size() == BATCH);
        return handedOver;
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
