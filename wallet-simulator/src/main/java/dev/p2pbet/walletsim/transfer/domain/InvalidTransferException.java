package dev.p2pbet.walletsim.transfer.domain;

/** A transfer request that no retry can make valid. */
public final class InvalidTransferException extends RuntimeException {

    public InvalidTransferException(String message) {
        super(message);
    }
}
