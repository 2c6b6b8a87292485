package dev.p2pbet.walletsim.webhook;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.polling.WakeablePoller;
import dev.p2pbet.walletsim.webhook.domain.RetryBackoff;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Webhooks go out only when {@code wallet-simulator.webhook.url} is set, and then a secret is required: the
 * simulator refuses to start rather than send unsigned webhooks. Without a URL, transfers still settle, events are
 * recorded, and clients poll.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    WebhookConfiguration(WalletSimulatorProperties properties) {
        WalletSimulatorProperties.Webhook webhook = properties.webhook();
        if (!webhook.enabled()) {
            log.info("No wallet-simulator.webhook.url: webhook events are recorded but not sent");
            return;
        }
        if (webhook.secret().isBlank()) {
            throw new IllegalStateException("wallet-simulator.webhook.url is set but wallet-simulator.webhook.secret "
                    + "is not (environment: WALLET_SIMULATOR_WEBHOOK_SECRET)");
        }
        log.info("Webhooks go to {}", webhook.url());
    }

    /** Sends what is due after every poll interval, and at once after a settlement with a delivery due now commits. */
    @Bean
    @Conditional(WebhooksEnabled.class)
    WakeablePoller webhookDispatch(WalletSimulatorProperties properties, WebhookDeliveries deliveries, Clock clock,
                                   MeterRegistry meters) {
        WalletSimulatorProperties.Webhook webhook = properties.webhook();
        RetryBackoff backoff = new RetryBackoff(webhook.initialBackoff(), webhook.maxBackoff(), webhook.maxAttempts());
        WebhookDispatcher dispatcher = new WebhookDispatcher(deliveries, new WebhookSender(webhook, clock), backoff,
                webhook.timeout(), clock, meters);
        return new WakeablePoller("webhook-dispatcher", webhook.pollInterval(), dispatcher::dispatchDue);
    }

    /** {@link WalletSimulatorProperties.Webhook#enabled()}, asked before the properties are a bean. */
    static final class WebhooksEnabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("wallet-simulator.webhook", WalletSimulatorProperties.Webhook.class)
                    .map(WalletSimulatorProperties.Webhook::enabled).orElse(false);
        }
    }
}
