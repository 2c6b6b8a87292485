package dev.p2pbet.stats.userstats.domain;

import java.util.Locale;

/** How one user's stake ended: won the pot, lost it, or got it back minus gas (push, cancelled, void, withdrawn, unmatched). */
public enum BetOutcome {
    WON, LOST, REFUNDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
