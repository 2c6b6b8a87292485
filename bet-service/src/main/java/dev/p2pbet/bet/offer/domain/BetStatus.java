package dev.p2pbet.bet.offer.domain;

/**
 * The statuses of DESIGN.md §4, plus {@code withdrawn} and {@code expired}: an offer that has
 * ended (creator withdrew it, or its game started) and whose stake settlement is refunding.
 * The refund's confirmation makes it {@code refunded}.
 */
public enum BetStatus {
    ESCROW_PENDING, OPEN, REJECTED, MATCHING, MATCHED, WITHDRAWN, EXPIRED, SETTLING, HIGH_GAS_WAIT, WON, LOST,
    REFUNDED;

    public String code() {
        return name().toLowerCase();
    }

    public static BetStatus fromCode(String code) {
        return valueOf(code.toUpperCase());
    }

    public boolean isFinal() {
        return this == REJECTED || this == WON || this == LOST || this == REFUNDED;
    }
}
