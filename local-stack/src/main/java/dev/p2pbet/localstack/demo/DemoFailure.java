package dev.p2pbet.localstack.demo;

/** A step of the demo did not do what the platform promises; the message says which and what was seen. */
public final class DemoFailure extends RuntimeException {

    public DemoFailure(String message) {
        super(message);
    }

    public DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
