package dev.p2pbet.bet.offer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.p2pbet.bet.BetIT;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stopping bet-service ends its event streams instead of waiting for them through its whole graceful shutdown. The
 * context's close calls {@link BetStream#endAllStreams()}; the shared test context must stay up, so the test calls it.
 */
class BetStreamShutdownIT extends BetIT {

    @Autowired
    BetStream streams;

    @Test
    void a_stopping_service_ends_every_open_stream_and_the_client_sees_its_end() {
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                request("/api/bets/stream", aUser("watcher")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).join();
        Thread.ofVirtual().start(() -> {
            stream.body().forEach(lines::add);
            ended.set(true);
        });
        try {
            await().atMost(WAIT).until(() -> lines.contains("event:subscribed"));

            streams.endAllStreams();

            await().atMost(WAIT).untilTrue(ended);
            assertThat(lines).contains("event:subscribed");
        } finally {
            stream.body().close();
        }
    }
}
