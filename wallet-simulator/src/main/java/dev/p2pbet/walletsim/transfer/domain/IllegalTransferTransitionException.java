package dev.p2pbet.walletsim.transfer.domain;

/** A settled transfer never settles again. */
public final class IllegalTransferTransitionException extends RuntimeException {

    public IllegalTransferTransitionException(TransferStatus from, TransferStatus to) {
        super("A " + from.code() + " transfer cannot become " + to.code());
    }
}
