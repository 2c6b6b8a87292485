package dev.p2pbet.walletsim.transfer.domain;

/** {@code pending -> confirmed | failed}; both ends are final. */
public enum TransferStatus {
    PENDING,
    CONFIRMED,
    FAILED;

    public TransferStatus confirm() {
        return settleTo(CONFIRMED);
    }

    public TransferStatus fail() {
        return settleTo(FAILED);
    }

    public boolean isFinal() {
        return this != PENDING;
    }

    /** The lower-case name the API and the database use. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TransferStatus ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    private TransferStatus settleTo(TransferStatus target) {
        if (this != PENDING) {
            throw new IllegalTransferTransitionException(this, target);
        }
        return target;
    }
}
