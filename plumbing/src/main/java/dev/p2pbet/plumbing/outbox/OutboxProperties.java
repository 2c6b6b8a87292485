package dev.p2pbet.plumbing.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the outbox relay, under {@code p2pbet.outbox}. */
@ConfigurationProperties("p2pbet.outbox")
public class OutboxProperties {

    /** Run the relay in this process. */
    private boolean relayEnabled = true;

    /**
     * Rows claimed and sent per database transaction. A batch pays a claim, a flush to the broker and a commit whatever
     * its size; with 2,000 instead of 500 a backlog of 20,000 rows spent about half as long in them.
     */
    private int batchSize = 2000;

    /** Key shards; a shard is relayed by one replica at a time, which keeps a key's order. */
    private int shards = 64;

    /**
     * Shortest pause when the outbox is empty: a commit of this process that appended to the outbox ends it at once;
     * without one the relay looks anyway, for rows other writers committed.
     */
    private Duration idlePause = Duration.ofMillis(20);

    /** Longest pause when the outbox stays empty: the pause doubles after every look that finds nothing unprompted. */
    private Duration maxIdlePause = Duration.ofMillis(500);

    /** Pause after a failed batch (broker or database down) before trying again. */
    private Duration failurePause = Duration.ofSeconds(1);

    /** Longest wait for the broker to acknowledge a batch. */
    private Duration sendTimeout = Duration.ofSeconds(30);

    public boolean isRelayEnabled() {
        return relayEnabled;
    }

    public void setRelayEnabled(boolean relayEnabled) {
        this.relayEnabled = relayEnabled;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getShards() {
        return shards;
    }

    public void setShards(int shards) {
        this.shards = shards;
    }

    public Duration getIdlePause() {
        return idlePause;
    }

    public void setIdlePause(Duration idlePause) {
        this.idlePause = idlePause;
    }

    public Duration getMaxIdlePause() {
        return maxIdlePause;
    }

    public void setMaxIdlePause(Duration maxIdlePause) {
        this.maxIdlePause = maxIdlePause;
    }

    public Duration getFailurePause() {
        return failurePause;
    }

    public void setFailurePause(Duration failurePause) {
        this.failurePause = failurePause;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }
}
