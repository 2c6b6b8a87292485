package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.transfer.domain.Transfer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code wallet.transfers{type,outcome,reason}}: outcomes published (once per transfer);
 * {@code wallet.transfers.pending}: requested + submitted, refreshed by the reconciler;
 * {@code wallet.reconciler.fixes{kind}}: what the reconciler settled or recovered that webhooks or the command path
 * had not; {@code wallet.transfers.conflicts}: the provider confirmed a transfer the ledger had failed (alert on
 * any). Provider latency is {@code wallet.provider.latency} (see the provider client).
 */
@Component
public class TransferMetrics {

    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();

    TransferMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("wallet.transfers.pending", pending, AtomicLong::get)
                .description("Transfers requested or submitted and not yet confirmed or failed")
                .register(meters);
    }

    void published(Transfer transfer) {
        String reason = transfer.failure() == null ? "none" : transfer.failure().reason().name();
        meters.counter("wallet.transfers", "type", transfer.type().code(), "outcome", transfer.status().code(),
                "reason", reason).increment();
    }

    /** The provider confirmed a transfer the ledger had failed: money moved that nobody was told about. */
    void conflict(Transfer transfer) {
        meters.counter("wallet.transfers.conflicts", "type", transfer.type().code()).increment();
    }

    void reconcilerFixed(String kind) {
        meters.counter("wallet.reconciler.fixes", "kind", kind).increment();
    }

    void pending(long count) {
        pending.set(count);
    }
}
