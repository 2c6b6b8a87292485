package dev.p2pbet.bet.offer.web;

import dev.p2pbet.bet.offer.BetChanged;
import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.BetStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes committed bet changes to the users' event streams: {@code bet} for a change of one of
 * the subscriber's bets, {@code lobby} for a bet entering or leaving the lobby of open offers.
 * Each replica pushes the changes it made itself; behind several replicas the stream is a hint
 * to refresh and the API stays the truth (see README).
 */
@Component
class BetStream {

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    SseEmitter subscribe(String userId, Duration timeout) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(userId, emitter);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        send(subscriber, "subscribed", userId, "{}");
        return emitter;
    }

    @TransactionalEventListener
    void on(BetChanged changed) {
        Bet bet = changed.bet();
        boolean lobby = bet.status() == BetStatus.OPEN || changed.from() == BetStatus.OPEN;
        BetView view = BetView.of(bet);
        for (Subscriber subscriber : subscribers) {
            if (bet.involves(subscriber.userId())) {
                send(subscriber, "bet", bet.betId(), view);
            }
            if (lobby) {
                send(subscriber, "lobby", bet.betId(), view);
            }
        }
    }

    private void send(Subscriber subscriber, String name, String id, Object data) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(name).id(id).data(data));
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
        }
    }

    private record Subscriber(String userId, SseEmitter emitter) {
    }
}
