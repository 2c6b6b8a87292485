package dev.p2pbet.bet.offer;

import dev.p2pbet.bet.offer.domain.BetRules;
import dev.p2pbet.plumbing.money.Money;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Betting rules and API limits, under {@code p2pbet.bet}. */
@ConfigurationProperties("p2pbet.bet")
public class BetProperties {

    /** Currency of the deployment: every stake is in it. */
    private String currency = "USD";

    /** Smallest stake in minor units; keeps offers clear of the dust that gas would eat. */
    private long minStakeMinor = 100;

    /** Largest stake in minor units. */
    private long maxStakeMinor = 1_000_000;

    /** Offers a user may have pending escrow or open at once. */
    private int maxOpenOffersPerUser = 20;

    /** Highest TOTAL_POINTS line, in tenths of a point. */
    private long maxTotalPointsLineTenths = 4_000;

    /** Highest PLAYER_STAT line, in tenths of a point. */
    private long maxPlayerStatLineTenths = 1_000;

    /** Page size of the lobby and the history when none is asked for. */
    private int defaultPageSize = 20;

    /** Largest page size a client may ask for. */
    private int maxPageSize = 100;

    /** How long a server-sent-events stream stays open before the client reconnects. */
    private Duration streamTimeout = Duration.ofMinutes(30);

    public BetRules rules() {
        return new BetRules(Money.of(minStakeMinor, currency), Money.of(maxStakeMinor, currency),
                maxOpenOffersPerUser, maxTotalPointsLineTenths, maxPlayerStatLineTenths);
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public long getMinStakeMinor() {
        return minStakeMinor;
    }

    public void setMinStakeMinor(long minStakeMinor) {
        this.minStakeMinor = minStakeMinor;
    }

    public long getMaxStakeMinor() {
        return maxStakeMinor;
    }

    public void setMaxStakeMinor(long maxStakeMinor) {
        this.maxStakeMinor = maxStakeMinor;
    }

    public int getMaxOpenOffersPerUser() {
        return maxOpenOffersPerUser;
    }

    public void setMaxOpenOffersPerUser(int maxOpenOffersPerUser) {
        this.maxOpenOffersPerUser = maxOpenOffersPerUser;
    }

    public long getMaxTotalPointsLineTenths() {
        return maxTotalPointsLineTenths;
    }

    public void setMaxTotalPointsLineTenths(long maxTotalPointsLineTenths) {
        this.maxTotalPointsLineTenths = maxTotalPointsLineTenths;
    }

    public long getMaxPlayerStatLineTenths() {
        return maxPlayerStatLineTenths;
    }

    public void setMaxPlayerStatLineTenths(long maxPlayerStatLineTenths) {
        this.maxPlayerStatLineTenths = maxPlayerStatLineTenths;
    }

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    public void setDefaultPageSize(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    public int getMaxPageSize() {
        return maxPageSize;
    }

    public void setMaxPageSize(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public Duration getStreamTimeout() {
        return streamTimeout;
    }

    public void setStreamTimeout(Duration streamTimeout) {
        this.streamTimeout = streamTimeout;
    }
}
