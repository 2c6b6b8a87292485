package dev.p2pbet.plumbing.outbox;

/** A batch could not be relayed; its rows stay in the outbox and are sent again. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
