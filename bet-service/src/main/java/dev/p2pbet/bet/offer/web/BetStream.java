package dev.p2pbet.bet.offer.web;

import dev.p2pbet.bet.offer.BetChanged;
import dev.p2pbet.bet.offer.domain.Bet;
import dev.p2pbet.bet.offer.domain.BetStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes committed bet changes to the users' event streams: {@code bet} for a change of one of
 * the subscriber's bets, {@code lobby} for a bet entering or leaving the lobby of open offers
 * (unless the stream was opened without the lobby). Each replica pushes the changes it made itself;
 * behind several replicas the stream is a hint to refresh and the API stays the truth (see README).
 * Streams are indexed by user, so a change costs its parties' streams and the lobby's watchers,
 * not every open stream: a client waiting for its own bets does not pay for everyone else's. Each
 * of a user's streams gets every event of the user's bets, so a client keeps one stream per user
 * (an open stream holds about 100 KB of Tomcat's buffers; docs/benchmarks.md).
 */
@Component
class BetStream {

    private final Map<String, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
    private final Set<Subscriber> lobbyWatchers = ConcurrentHashMap.newKeySet();

    SseEmitter subscribe(String userId, Duration timeout, boolean lobby) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(userId, emitter);
        byUser.compute(userId, (id, streams) -> {
            Set<Subscriber> of = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            of.add(subscriber);
            return of;
        });
        if (lobby) {
            lobbyWatchers.add(subscriber);
        }
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> remove(subscriber));
        emitter.onError(e -> remove(subscriber));
        send(subscriber, "subscribed", userId, "{}");
        return emitter;
    }

    @TransactionalEventListener
    void on(BetChanged changed) {
        Bet bet = changed.bet();
        BetView view = BetView.of(bet);
        Stream.of(bet.creatorId(), bet.acceptorId(), bet.pendingAcceptorId()).filter(Objects::nonNull).distinct()
                .flatMap(user -> byUser.getOrDefault(user, Set.of()).stream())
                .forEach(subscriber -> send(subscriber, "bet", bet.betId(), view));
        if (bet.status() == BetStatus.OPEN || changed.from() == BetStatus.OPEN) {
            lobbyWatchers.forEach(subscriber -> send(subscriber, "lobby", bet.betId(), view));
        }
    }

    /**
     * Ends every open stream as the service stops. Graceful shutdown waits for the requests in flight, and a stream is
     * one until it ends (a client that went away is noticed only at the next write), so the open streams held a
     * stopping replica for the whole shutdown timeout. A client's EventSource reconnects, to a replica that is up.
     */
    @EventListener(ContextClosedEvent.class)
    void endAllStreams() {
        Stream.concat(byUser.values().stream().flatMap(Set::stream), lobbyWatchers.stream()).distinct().toList()
                .forEach(subscriber -> {
                    remove(subscriber);
                    try {
                        subscriber.emitter().complete();
                    } catch (RuntimeException alreadyGone) {
                        // The client went away first: nothing left to end.
                    }
                });
    }

    private void send(Subscriber subscriber, String name, String id, Object data) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(name).id(id).data(data));
        } catch (IOException | IllegalStateException e) {
            remove(subscriber);
        }
    }

    private void remove(Subscriber subscriber) {
        lobbyWatchers.remove(subscriber);
        byUser.computeIfPresent(subscriber.userId(), (id, streams) -> {
            streams.remove(subscriber);
            return streams.isEmpty() ? null : streams;
        });
    }

    private record Subscriber(String userId, SseEmitter emitter) {
    }
}
