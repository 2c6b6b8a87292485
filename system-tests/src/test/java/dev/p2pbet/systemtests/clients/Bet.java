package dev.p2pbet.systemtests.clients;

import java.util.Set;

/** A bet as bet-service's API shows it. Amounts in minor units; won/lost from the creator's point of view. */
public record Bet(String betId, String gameId, String status, String statusReason, String statusDetail,
                  String creatorId, String acceptorId, String pendingAcceptorId, Selection selection,
                  String acceptorSide, long stakeMinor, String currency, String winnerId, Long creatorRefundMinor,
                  Long acceptorRefundMinor) {

    /** The statuses nothing leaves (DESIGN.md §4). */
    public static final Set<String> FINAL = Set.of("rejected", "won", "lost", "refunded");

    public boolean isFinal() {
        return FINAL.contains(status);
    }

    public String brief() {
        return betId + " " + status + (statusReason == null ? "" : " (" + statusReason + ")");
    }
}
