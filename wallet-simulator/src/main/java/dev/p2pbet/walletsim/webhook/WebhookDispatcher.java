package dev.p2pbet.walletsim.webhook;

import dev.p2pbet.walletsim.webhook.domain.RetryBackoff;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due webhooks at least once: each claimed delivery is sent on its own virtual thread; a non-2xx answer
 * or an I/O error is retried with exponential backoff until {@code max-attempts}, then abandoned (the consumer
 * recovers by polling). Counts {@code walletsim.webhooks{result=sent|failed_attempt|abandoned}}.
 */
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;
    private static final ThreadFactory SENDERS = Thread.ofPlatform().name("webhook-sender-", 0).daemon().factory();

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RetryBackoff backoff;
    private final Duration lease;
    private final Clock clock;
    private final MeterRegistry meters;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSender sender, RetryBackoff backoff, Duration timeout,
                      Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.backoff = backoff;
        this.lease = timeout.multipliedBy(2).plusSeconds(5);
        this.clock = clock;
        this.meters = meters;
    }

    void dispatchDue() {
        try {
            List<WebhookDeliveries.Claimed> due;
            do {
                Instant now = clock.instant();
                due = deliveries.claimDue(now, now.plus(lease), BATCH);
                // platform threads: a first batch of virtual ones could stall on the jar's class loading (ADR 0003)
                try (ExecutorService senders = Executors.newThreadPerTaskExecutor(SENDERS)) {
                    due.forEach(delivery -> senders.submit(() -> deliver(delivery)));
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Dispatching webhooks failed; the next run retries", e);
        }
    }

    private void deliver(WebhookDeliveries.Claimed delivery) {
        String error = sender.send(delivery);
        Instant now = clock.instant();
        if (error == null) {
            deliveries.delivered(delivery.id(), now);
            meters.counter("walletsim.webhooks", "result", "sent").increment();
        } else if (backoff.givesUpAfter(delivery.attempt())) {
            deliveries.abandon(delivery.id(), error);
            meters.counter("walletsim.webhooks", "result", "abandoned").increment();
            log.warn("Abandoned webhook {} of event {} after {} attempts: {}", delivery.id(), delivery.eventId(),
                    delivery.attempt(), error);
        } else {
            deliveries.retryAt(delivery.id(), now.plus(backoff.delayAfter(delivery.attempt())), error);
            meters.counter("walletsim.webhooks", "result", "failed_attempt").increment();
        }
    }
}
