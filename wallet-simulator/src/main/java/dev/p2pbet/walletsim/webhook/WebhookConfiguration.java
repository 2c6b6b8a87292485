package dev.p2pbet.walletsim.webhook;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.webhook.domain.RetryBackoff;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Webhooks go out only when {@code wallet-simulator.webhook.url} is set, and then a secret is required: the
 * simulator refuses to start rather than send unsigned webhooks. Without a URL, transfers still settle, events are
 * recorded, and clients poll.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    private final WalletSimulatorProperties.Webhook webhook;
    private final WebhookDispatcher dispatcher;

    WebhookConfiguration(WalletSimulatorProperties properties, WebhookDeliveries deliveries, Clock clock,
                         MeterRegistry meters) {
        this.webhook = properties.webhook();
        if (!webhook.enabled()) {
            log.info("No wallet-simulator.webhook.url: webhook events are recorded but not sent");
            this.dispatcher = null;
            return;
        }
        if (webhook.secret().isBlank()) {
            throw new IllegalStateException("wallet-simulator.webhook.url is set but wallet-simulator.webhook.secret "
                    + "is not (environment: WALLET_SIMULATOR_WEBHOOK_SECRET)");
        }
        RetryBackoff backoff = new RetryBackoff(webhook.initialBackoff(), webhook.maxBackoff(), webhook.maxAttempts());
        this.dispatcher = new WebhookDispatcher(deliveries, new WebhookSender(webhook, clock), backoff,
                webhook.timeout(), clock, meters);
        log.info("Webhooks go to {}", webhook.url());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (dispatcher != null) {
            registrar.addFixedDelayTask(dispatcher::dispatchDue, webhook.pollInterval());
        }
    }
}
