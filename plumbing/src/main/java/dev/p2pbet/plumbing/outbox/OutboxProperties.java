package dev.p2pbet.plumbing.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the outbox relay, under {@code p2pbet.outbox}. */
@ConfigurationProperties("p2pbet.outbox")
public class OutboxProperties {

    /** Run the relay in this process. */
    private boolean relayEnabled = true;

    /** Rows claimed and sent per database transaction. */
    private int batchSize = 500;

    /** Key shards; a shard is relayed by one replica at a time, which keeps a key's order. */
    private int shards = 64;

    /** Pause when the outbox is empty. */
    private Duration idlePause = Duration.ofMillis(20);

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
