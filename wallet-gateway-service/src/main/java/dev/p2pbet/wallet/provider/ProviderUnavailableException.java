package dev.p2pbet.wallet.provider;

/**
 * The provider could not be reached, timed out, answered 5xx, or the circuit breaker is open: the outcome of the
 * call is unknown (a transfer may or may not have been accepted).
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
