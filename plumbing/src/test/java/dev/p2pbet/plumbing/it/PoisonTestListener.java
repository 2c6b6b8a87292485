package dev.p2pbet.plumbing.it;

import dev.p2pbet.plumbing.kafka.NonRetryableEventException;
import dev.p2pbet.schemas.game.GameEvent;
import dev.p2pbet.schemas.topics.Topics;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A consumer of {@code game.events} for the poison tests, whose faults the tests set per game id: a
 * broken business rule (until the test "fixes the consumer"), a failure on every delivery, or the
 * database down for a number of deliveries.
 */
@Component
public class PoisonTestListener {

    static final String GROUP = "plumbing-poison-it";

    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final Set<String> alwaysFailing = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> databaseDownFor = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

    @KafkaListener(topics = Topics.GAME_EVENTS, groupId = GROUP)
    void on(GameEvent event) {
        String gameId = event.getGameId();
        deliveries.computeIfAbsent(gameId, id -> new AtomicInteger()).incrementAndGet();
        if (refused.contains(gameId)) {
            throw new NonRetryableEventException("game " + gameId + " breaks a rule");
        }
        if (alwaysFailing.contains(gameId)) {
            throw new IllegalStateException("game " + gameId + " fails on every delivery");
        }
        AtomicInteger down = databaseDownFor.get(gameId);
        if (down != null && down.getAndDecrement() > 0) {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }
        processed.computeIfAbsent(gameId, id -> new AtomicInteger()).incrementAndGet();
    }

    int processed(String gameId) {
        AtomicInteger count = processed.get(gameId);
        return count == null ? 0 : count.get();
    }

    int deliveries(String gameId) {
        AtomicInteger count = deliveries.get(gameId);
        return count == null ? 0 : count.get();
    }
}
