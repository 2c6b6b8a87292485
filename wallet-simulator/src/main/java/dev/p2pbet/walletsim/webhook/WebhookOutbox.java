package dev.p2pbet.walletsim.webhook;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.fault.FaultInjector;
import dev.p2pbet.walletsim.fault.domain.FaultDice;
import dev.p2pbet.walletsim.polling.WakeablePoller;
import dev.p2pbet.walletsim.transfer.TransferEvents;
import dev.p2pbet.walletsim.transfer.TransferView;
import dev.p2pbet.walletsim.transfer.domain.Transfer;
import dev.p2pbet.walletsim.transfer.domain.TransferStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the webhook event of each settled transfer in the settling transaction, with its deliveries as the fault
 * plan says: none (dropped, recorded as such), one, or two (duplicated), each after its extra delay (out of order).
 * A transaction's events and deliveries are written in one batch each.
 */
@Component
class WebhookOutbox implements TransferEvents {

    private final WebhookDeliveries deliveries;
    private final FaultInjector faults;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final boolean enabled;
    private final ObjectProvider<WakeablePoller> dispatch;

    WebhookOutbox(WebhookDeliveries deliveries, FaultInjector faults, JsonMapper json, Clock clock, MeterRegistry meters,
                  WalletSimulatorProperties properties, @Qualifier("webhookDispatch") ObjectProvider<WakeablePoller> dispatch) {
        this.deliveries = deliveries;
        this.faults = faults;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.enabled = properties.webhook().enabled();
        this.dispatch = dispatch;
    }

    @Override
    public void settled(List<Transfer> transfers) {
        Instant now = clock.instant();
        List<WebhookDeliveries.NewEvent> events = new ArrayList<>(transfers.size());
        List<WebhookDeliveries.NewDelivery> sends = new ArrayList<>(transfers.size());
        for (Transfer transfer : transfers) {
            String type = transfer.status() == TransferStatus.CONFIRMED ? WebhookEvent.CONFIRMED : WebhookEvent.FAILED;
            WebhookEvent event = new WebhookEvent(UUID.randomUUID(), type, now, TransferView.of(transfer));
            events.add(new WebhookDeliveries.NewEvent(event.id(), transfer.id(), type, json.writeValueAsString(event), now));
            if (enabled) {
                sends.addAll(planned(event.id(), now));
            }
        }
        deliveries.insert(events, sends);
        if (sends.stream().anyMatch(send -> send.status().equals("pending") && !send.nextAttemptAt().isAfter(now))) {
            dispatch.ifAvailable(WakeablePoller::wakeAfterCommit);
        }
    }

    private List<WebhookDeliveries.NewDelivery> planned(UUID eventId, Instant now) {
        FaultDice.WebhookPlan plan = faults.webhook();
        if (plan.dropped()) {
            meters.counter("walletsim.webhooks", "result", "dropped").increment();
            return List.of(new WebhookDeliveries.NewDelivery(eventId, "dropped", now));
        }
        if (plan.duplicated()) {
            meters.counter("walletsim.webhooks", "result", "duplicated").increment();
        }
        return plan.copies().stream()
                .map(delay -> new WebhookDeliveries.NewDelivery(eventId, "pending", now.plus(delay))).toList();
    }
}
