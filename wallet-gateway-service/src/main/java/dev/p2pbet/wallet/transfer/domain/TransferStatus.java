package dev.p2pbet.wallet.transfer.domain;

import java.util.Locale;

/**
 * {@code requested -> submitted -> confirmed | failed}, and {@code requested -> confirmed | failed} when the
 * provider's answer is already final (a replayed call, a look-up after a crash, a refusal). Confirmed and failed
 * are final, except that a failure the provider never saw ({@link FailureReason#PROVIDER_UNAVAILABLE}) may be
 * commanded again, which reopens it as requested.
 */
public enum TransferStatus {
    REQUESTED,
    SUBMITTED,
    CONFIRMED,
    FAILED;

    public TransferStatus submit() {
        return to(SUBMITTED, this == REQUESTED);
    }

    public TransferStatus confirm() {
        return to(CONFIRMED, isPending());
    }

    public TransferStatus fail() {
        return to(FAILED, isPending());
    }

    public TransferStatus reopen() {
        return to(REQUESTED, this == FAILED);
    }

    public boolean isPending() {
        return this == REQUESTED || this == SUBMITTED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TransferStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    private TransferStatus to(TransferStatus target, boolean allowed) {
        if (!allowed) {
            throw new IllegalTransferTransitionException(this, target);
        }
        return target;
    }
}
