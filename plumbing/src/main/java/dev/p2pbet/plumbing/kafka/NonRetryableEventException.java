package dev.p2pbet.plumbing.kafka;

/**
 * An event that breaks a business rule and will break it on every delivery: it goes to the
 * DLT at once instead of being retried.
 */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }
}
