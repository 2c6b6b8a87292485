package dev.p2pbet.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pbet.plumbing.inbox.Inbox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@PlumbingIntegrationTest
class InboxIT {

    @Autowired
    Inbox inbox;

    @Autowired
    TransactionTemplate transactions;

    private boolean firstDelivery(String consumer, String eventId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> inbox.firstDelivery(consumer, eventId)));
    }

    @Test
    void recognises_the_first_delivery_of_an_event() {
        String eventId = UUID.randomUUID().toString();

        assertThat(firstDelivery("settlement", eventId)).isTrue();
    }

    @Test
    void recognises_a_redelivery_of_an_event() {
        String eventId = UUID.randomUUID().toString();
        firstDelivery("settlement", eventId);

        assertThat(firstDelivery("settlement", eventId)).isFalse();
    }

    @Test
    void counts_deliveries_per_consumer() {
        String eventId = UUID.randomUUID().toString();
        firstDelivery("settlement", eventId);

        assertThat(firstDelivery("stats", eventId)).isTrue();
    }

    @Test
    void forgets_a_delivery_whose_effect_rolled_back() {
        String eventId = UUID.randomUUID().toString();
        try {
            transactions.executeWithoutResult(tx -> {
                inbox.firstDelivery("settlement", eventId);
                throw new IllegalStateException("the effect failed");
            });
        } catch (IllegalStateException expected) {
            // the redelivery must be applied, since the first attempt left no effect
        }

        assertThat(firstDelivery("settlement", eventId)).isTrue();
    }
}
