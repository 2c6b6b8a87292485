package dev.p2pbet.plumbing.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Request limits of every service, under {@code p2pbet.request-limits}. */
@ConfigurationProperties("p2pbet.request-limits")
public class RequestLimitsProperties {

    /** The largest request body a service reads ({@code P2PBET_REQUESTLIMITS_MAXBODYSIZE}); larger is a 413. */
    private DataSize maxBodySize = DataSize.ofKilobytes(64);

    /**
     * Requests one instance works on at once ({@code P2PBET_REQUESTLIMITS_MAXINFLIGHTREQUESTS}); beyond it a request
     * is answered 503 {@code SERVICE_BUSY} with {@code Retry-After} at once. 0 or less turns the limit off. 64 keeps
     * a few requests queued per connection of a 10-connection pool (enough to keep the pool busy, few enough that
     * the queue drains well within Hikari's 3 s connection timeout) and bounds the heap they take.
     */
    private int maxInFlightRequests = 64;

    /**
     * How long a request over the limit waits for a place before it is refused
     * ({@code P2PBET_REQUESTLIMITS_INFLIGHTWAIT}): short, so bursts are smoothed but nothing queues for long.
     */
    private Duration inFlightWait = Duration.ofMillis(50);

    /**
     * Paths of server-sent-event streams ({@code P2PBET_REQUESTLIMITS_EVENTSTREAMPATHS}, comma-separated), exact
     * paths such as {@code /api/bets/stream}: not counted in flight, as they stay open for minutes and mostly idle.
     * (An event stream on another path counts only until the stream is open.)
     */
    private List<String> eventStreamPaths = new ArrayList<>();

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxInFlightRequests() {
        return maxInFlightRequests;
    }

    public void setMaxInFlightRequests(int maxInFlightRequests) {
        this.maxInFlightRequests = maxInFlightRequests;
    }

    public Duration getInFlightWait() {
        return inFlightWait;
    }

    public void setInFlightWait(Duration inFlightWait) {
        this.inFlightWait = inFlightWait;
    }

    public List<String> getEventStreamPaths() {
        return eventStreamPaths;
    }

    public void setEventStreamPaths(List<String> eventStreamPaths) {
        this.eventStreamPaths = eventStreamPaths;
    }
}
