package dev.p2pbet.settlement.payout;

/**
 * What the gateway reported about one of our transfers out of escrow, as one event ({@code eventId}
 * is what the inbox deduplicates on). A confirmation is final: once one is applied, a failure of the
 * same transfer changes nothing.
 */
public sealed interface TransferOutcome {

    String eventId();

    String transferId();

    String betId();

    record Confirmed(String eventId, String transferId, String betId, long gasUsedMinor) implements TransferOutcome {
    }

    record Failed(String eventId, String transferId, String betId, String purpose, boolean retryable, String reason)
            implements TransferOutcome {
    }
}
