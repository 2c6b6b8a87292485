package dev.p2pbet.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * One bet event stream per user ({@code GET /api/bets/stream?lobby=false} through the entry point), as a client
 * keeps it, each read on a virtual thread into one {@link BetEvents}. The life cycles wait here, not on a stream of
 * their own: bet-service sends a user's bet event to every stream the user holds, so one stream per bet in flight
 * (900 at once for 20 creators at medium size) cost about 45 sends per event and 100 KB of bet-service's heap per
 * stream (docs/benchmarks.md, item 5). A stream that ends is opened again.
 */
final class UserEventStreams implements AutoCloseable {

    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(500);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BetEvents events = new BetEvents();
    private final LongAdder reconnects = new LongAdder();
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean closed;

    private UserEventStreams() {
    }

    /**
     * Opens a stream for each user ({@code authorizationByUser}: the Authorization header of each) and returns once
     * every stream has said {@code subscribed}, so no event of a bet offered afterwards is missed.
     */
    static UserEventStreams open(String apiUrl, Map<String, String> authorizationByUser, Duration timeout) {
        UserEventStreams streams = new UserEventStreams();
        CountDownLatch subscribed = new CountDownLatch(authorizationByUser.size());
        URI uri = URI.create(apiUrl + "/api/bets/stream?lobby=false");
        authorizationByUser.values().forEach(authorization -> streams.readers.add(Thread.ofVirtual()
                .name("bet-events")
                .start(() -> streams.read(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                        .header("Accept", "text/event-stream").GET().build(), subscribed))));
        try {
            if (!subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                streams.close();
                throw new IllegalStateException("event streams not subscribed within " + timeout + ": "
                        + subscribed.getCount() + " of " + authorizationByUser.size() + " missing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close();
            throw new IllegalStateException("interrupted while subscribing", e);
        }
        return streams;
    }

    /** The first of {@code wanted} that an event of {@code betId} carried; null while none has come. */
    String seen(String betId, List<String> wanted) {
        return events.seen(betId, wanted);
    }

    /** How often a stream ended and was opened again. */
    long reconnects() {
        return reconnects.sum();
    }

    private void read(HttpRequest request, CountDownLatch subscribed) {
        boolean first = true;
        while (!closed) {
            if (!first) {
                reconnects.increment();
                pause();
            }
            first = false;
            try {
                HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = response.body()) {
                    if (response.statusCode() != 200) {
                        continue;
                    }
                    BetEvents.Parser parser = new BetEvents.Parser();
                    lines.forEach(line -> {
                        BetEvents.Event event = parser.accept(line);
                        if (event != null && "subscribed".equals(event.name())) {
                            subscribed.countDown();
                        } else if (event != null) {
                            events.record(event);
                        }
                    });
                }
            } catch (IOException | UncheckedIOException e) {
                // the stream broke (or the client was shut down): open it again unless closed
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        client.shutdownNow();
        readers.forEach(Thread::interrupt);
    }
}
