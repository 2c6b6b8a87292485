package dev.p2pbet.schemas.wallet;

import java.util.Objects;

/**
 * The deterministic {@code transfer_id} of every provider transfer (see TransferCommand's doc). A transfer_id is
 * the provider's idempotency key, so it must be derivable again from the bet alone: a command re-sent after a
 * crash then carries the same id and the provider moves the money at most once. Every provider transfer of a
 * bet has its own id; an acceptance carries its attempt number because each acceptor's escrow-in is a
 * different transfer.
 */
public final class TransferIds {

    private TransferIds() {
    }

    /** {@code <bet_id>:escrow-creator}: the creator's stake, user -> ESCROW_VAULT. */
    public static String escrowCreator(String betId) {
        return of(betId, "escrow-creator");
    }

    /** {@code <bet_id>:escrow-acceptor:<attempt>}: the stake of the bet's attempt-th acceptance (1, 2, ...), user -> ESCROW_VAULT. */
    public static String escrowAcceptor(String betId, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("acceptance attempts count from 1, was " + attempt);
        }
        return of(betId, "escrow-acceptor:" + attempt);
    }

    /** {@code <bet_id>:payout}: ESCROW_VAULT -> winner, 2 * stake - fee. */
    public static String payout(String betId) {
        return of(betId, "payout");
    }

    /** {@code <bet_id>:fee}: ESCROW_VAULT -> PLATFORM_REVENUE. */
    public static String fee(String betId) {
        return of(betId, "fee");
    }

    /** {@code <bet_id>:refund-creator}: ESCROW_VAULT -> creator, stake minus gas. */
    public static String refundCreator(String betId) {
        return of(betId, "refund-creator");
    }

    /** {@code <bet_id>:refund-acceptor}: ESCROW_VAULT -> acceptor, stake minus gas. */
    public static String refundAcceptor(String betId) {
        return of(betId, "refund-acceptor");
    }

    /** {@code <bet_id>:gas-recovery-creator}: ESCROW_VAULT -> PLATFORM_OPS, the gas deducted from the creator's refund. */
    public static String gasRecoveryCreator(String betId) {
        return of(betId, "gas-recovery-creator");
    }

    /** {@code <bet_id>:gas-recovery-acceptor}: ESCROW_VAULT -> PLATFORM_OPS, the gas deducted from the acceptor's refund. */
    public static String gasRecoveryAcceptor(String betId) {
        return of(betId, "gas-recovery-acceptor");
    }

    private static String of(String betId, String transfer) {
        Objects.requireNonNull(betId, "betId");
        if (betId.isBlank() || betId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a bet_id is non-blank and has no ':' (it prefixes transfer ids), was '" + betId + "'");
        }
        return betId + ":" + transfer;
    }
}
