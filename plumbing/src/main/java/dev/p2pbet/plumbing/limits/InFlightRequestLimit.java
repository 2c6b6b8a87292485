package dev.p2pbet.plumbing.limits;

import dev.p2pbet.plumbing.web.ProblemJson;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code maxInFlight} requests of one service instance are worked on at once; one more waits up to
 * {@code maxWait} for a place and is otherwise answered at once with 503 problem+json {@code SERVICE_BUSY} and
 * {@code Retry-After}, nothing done. Tomcat admits up to 200 requests at once (it admitted every one while requests
 * ran on virtual threads, before ADR 0003), so without this an overloaded service queues them for its few database
 * connections and each waits seconds for a 503 anyway (issue 9); refusing at the door keeps the admitted requests
 * fast and tells the others to come back.
 * <p>
 * Not counted: the operations endpoints under {@code operationsPath} (a busy service must still answer its probes
 * and metrics) and the declared event-stream paths (server-sent events live for minutes and mostly idle; they would
 * use up the places). A request that continues asynchronously keeps its place until it completes, unless its answer
 * turned out to be an event stream, which gives its place back as soon as the stream is open.
 */
public class InFlightRequestLimit extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "1";

    private final int maxInFlight;
    private final long maxWaitNanos;
    private final String operationsPath;
    private final List<String> eventStreamPaths;
    private final Semaphore places;
    private final AtomicLong refused = new AtomicLong();

    public InFlightRequestLimit(int maxInFlight, Duration maxWait, String operationsPath,
                                List<String> eventStreamPaths) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("At least one request in flight; turn the limit off instead");
        }
        this.maxInFlight = maxInFlight;
        this.maxWaitNanos = Math.max(0, maxWait.toNanos());
        String base = operationsPath == null ? "" : operationsPath.strip();
        // operations endpoints at the root ("/" base path) cannot be told apart from the API: all are counted
        this.operationsPath = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.eventStreamPaths = List.copyOf(eventStreamPaths);
        // fair: a request that waits is served before later arrivals (tryAcquire with a timeout honours it)
        this.places = new Semaphore(maxInFlight, true);
    }

    /** Requests being worked on now. */
    public int inFlight() {
        return maxInFlight - places.availablePermits();
    }

    /** Requests refused as busy since the start. */
    public long refused() {
        return refused.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        boolean operations = !operationsPath.isEmpty()
                && (path.equals(operationsPath) || path.startsWith(operationsPath + "/"));
        return operations || eventStreamPaths.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!takePlace()) {
            refused.incrementAndGet();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemJson.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(), "SERVICE_BUSY",
                    "The service is busy; nothing was done. Try again in a moment.", request.getRequestURI());
            return;
        }
        Place place = new Place();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted() && !isEventStream(response)) {
                giveBackWhenComplete(request, place);
            } else {
                place.giveBack();
            }
        }
    }

    private boolean takePlace() {
        try {
            return places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void giveBackWhenComplete(HttpServletRequest request, Place place) {
        try {
            request.getAsyncContext().addListener(place);
        } catch (IllegalStateException alreadyOver) {
            place.giveBack();
        }
    }

    private static boolean isEventStream(HttpServletResponse response) {
        String type = response.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.TEXT_EVENT_STREAM_VALUE, 0,
                MediaType.TEXT_EVENT_STREAM_VALUE.length());
    }

    /** The decoded, normalised path inside the application (so {@code /actuator/../api} is not an ops path). */
    private static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath();
        return request.getPathInfo() == null ? path : path + request.getPathInfo();
    }

    /** One request's place, given back exactly once whichever of the end, a timeout or an error comes first. */
    private final class Place implements AsyncListener {

        private final AtomicBoolean given = new AtomicBoolean();

        void giveBack() {
            if (given.compareAndSet(false, true)) {
                places.release();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onError(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // listeners are dropped when asynchronous processing starts again; stay registered until the very end
            event.getAsyncContext().addListener(this);
        }
    }
}
