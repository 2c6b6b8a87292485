package dev.p2pbet.settlement.payout;

/**
 * One transfer out of escrow as it is stored and commanded. {@code leg}: {@code winner} for a payout
 * and its fee, {@code creator}/{@code acceptor} for the refund and gas recovery of that user's stake.
 * {@code trace}: the bet's trace, which the command continues.
 */
record OutgoingTransfer(String transferId, String betId, String gameId, String leg, String purpose, String userId,
                        long amountMinor, Long gasInMinor, Long gasQuoteMinor, long stakeMinor, String outcome,
                        String currency, String trace) {
}
