package dev.p2pbet.wallet.provider;

/**
 * The provider answered a definite 4xx: nothing was done. {@code code} is its stable problem code
 * ({@code insufficient_funds}, {@code account_not_found}, {@code idempotency_key_reused}, ...).
 */
public class ProviderRefusedException extends RuntimeException {

    private final int status;
    private final String code;

    public ProviderRefusedException(int status, String code, String detail) {
        super("provider refused (" + status + " " + code + "): " + detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
