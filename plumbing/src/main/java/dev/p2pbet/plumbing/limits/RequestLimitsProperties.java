package dev.p2pbet.plumbing.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Request limits of every service, under {@code p2pbet.request-limits}. */
@ConfigurationProperties("p2pbet.request-limits")
public class RequestLimitsProperties {

    /** The largest request body a service reads ({@code P2PBET_REQUESTLIMITS_MAXBODYSIZE}); larger is a 413. */
    private DataSize maxBodySize = DataSize.ofKilobytes(64);

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }
}
