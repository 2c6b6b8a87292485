package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.transfer.domain.Transfer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code betting.transfers{type,outcome,reason}}: outcomes published (once per transfer);
 * {@code betting.transfers.pending}: requested + submitted, refreshed by the reconciler;
 * {@code betting.reconciler.fixes{kind}}: what the reconciler settled or recovered that webhooks or the command path
 * had not; {@code betting.transfers.conflicts}: the provider confirmed a transfer the ledger had failed (alert on
 * any). Provider latency is {@code betting.provider.request.duration} (see the provider client). Every business
 * meter is named {@code betting.*} (Prometheus {@code betting_*}, the names the business dashboard queries).
 */
@Component
public class TransferMetrics {

    static final java.util.List<String> RECONCILER_FIX_KINDS = java.util.List.of("confirmed_by_poll", "failed_by_poll",
            "recovered_submitted", "recovered_confirmed", "recovered_failed");

    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();

    TransferMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("betting.transfers.pending", pending, AtomicLong::get)
                .description("Transfers requested or submitted and not yet confirmed or failed")
                .register(meters);
        // every kind from the start, so the dashboard's rate() has a series before the first fix
        for (String kind : RECONCILER_FIX_KINDS) {
            meters.counter("betting.reconciler.fixes", "kind", kind);
        }
    }

    void published(Transfer transfer) {
        String reason = transfer.failure() == null ? "none" : transfer.failure().reason().name();
        meters.counter("betting.transfers", "type", transfer.type().code(), "outcome", transfer.status().code(),
                "reason", reason).increment();
    }

    /** The provider confirmed a transfer the ledger had failed: money moved that nobody was told about. */
    void conflict(Transfer transfer) {
        meters.counter("betting.transfers.conflicts", "type", transfer.type().code()).increment();
    }

    void reconcilerFixed(String kind) {
        meters.counter("betting.reconciler.fixes", "kind", kind).increment();
    }

    void pending(long count) {
        pending.set(count);
    }
}
