package dev.p2pbet.walletsim.webhook;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.fault.FaultInjector;
import dev.p2pbet.walletsim.fault.domain.FaultDice;
import dev.p2pbet.walletsim.transfer.TransferEvents;
import dev.p2pbet.walletsim.transfer.TransferView;
import dev.p2pbet.walletsim.transfer.domain.Transfer;
import dev.p2pbet.walletsim.transfer.domain.TransferStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the webhook event of a settled transfer in the settling transaction, with its deliveries as the fault
 * plan says: none (dropped, recorded as such), one, or two (duplicated), each after its extra delay (out of order).
 */
@Component
class WebhookOutbox implements TransferEvents {

    private final WebhookDeliveries deliveries;
    private final FaultInjector faults;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final boolean enabled;

    WebhookOutbox(WebhookDeliveries deliveries, FaultInjector faults, JsonMapper json, Clock clock, MeterRegistry meters,
                  WalletSimulatorProperties properties) {
        this.deliveries = deliveries;
        this.faults = faults;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.enabled = properties.webhook().enabled();
    }

    @Override
    public void settled(Transfer transfer) {
        Instant now = clock.instant();
        String type = transfer.status() == TransferStatus.CONFIRMED ? WebhookEvent.CONFIRMED : WebhookEvent.FAILED;
        WebhookEvent event = new WebhookEvent(UUID.randomUUID(), type, now, TransferView.of(transfer));
        deliveries.insertEvent(event.id(), transfer.id(), type, json.writeValueAsString(event), now);
        if (!enabled) {
            return;
        }
        FaultDice.WebhookPlan plan = faults.webhook();
        if (plan.dropped()) {
            deliveries.insertDelivery(event.id(), "dropped", now);
            meters.counter("walletsim.webhooks", "result", "dropped").increment();
            return;
        }
        for (Duration delay : plan.copies()) {
            deliveries.insertDelivery(event.id(), "pending", now.plus(delay));
        }
        if (plan.duplicated()) {
            meters.counter("walletsim.webhooks", "result", "duplicated").increment();
        }
    }
}
