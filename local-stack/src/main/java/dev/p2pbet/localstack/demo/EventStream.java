package dev.p2pbet.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A server-sent-event stream read in the background, one {@code event:}/{@code data:} pair per event, as a browser's
 * EventSource would; the demo watches the lobby with it.
 */
final class EventStream implements AutoCloseable {

    /** One event: its name and its data line. */
    record Event(String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile int status;

    private EventStream(URI uri, String authorization) {
        this.reader = Thread.ofVirtual().name("demo-event-stream").start(() -> read(uri, authorization));
    }

    static EventStream open(URI uri, String authorization) {
        return new EventStream(uri, authorization);
    }

    private void read(URI uri, String authorization) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("Accept", "text/event-stream").build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            lines = response.body();
            String[] name = {"message"};
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(name[0], line.substring(5).trim()));
                } else if (line.isEmpty()) {
                    name[0] = "message";
                }
            });
        } catch (IOException | RuntimeException e) {
            // Closed by us, or the stream broke: what was read stays readable.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first event named {@code name} whose data contains {@code text}, waiting up to {@code timeout}. */
    Optional<Event> await(String name, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Event> found = events.stream()
                    .filter(event -> event.name().equals(name) && event.data().contains(text)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    int status() {
        return status;
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
