package dev.p2pbet.localstack.demo;

import java.time.Duration;

/**
 * What a demo run did: its users, the bet that was settled and the one refunded, and the sum over all provider
 * accounts after the funding and at the end (equal: the platform neither created nor lost a cent).
 */
public record DemoResult(String runId, String creator, String acceptor, String settledBetId, String settledStatus,
                         String winnerId, long payoutMinor, long feeMinor, String refundedBetId,
                         long creatorRefundMinor, long acceptorRefundMinor, long totalBeforeMinor, long depositedMinor,
                         long totalAfterFundingMinor, long totalAtEndMinor, Duration took) {

    /** The sum over all accounts is what it was once the users were funded. */
    public boolean moneyConserved() {
        return totalAfterFundingMinor == totalAtEndMinor && totalBeforeMinor + depositedMinor == totalAtEndMinor;
    }
}
