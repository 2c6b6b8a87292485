package dev.p2pbet.wallet.transfer.domain;

/** A transfer asked to move to a status its current status does not lead to. */
public class IllegalTransferTransitionException extends RuntimeException {

    public IllegalTransferTransitionException(TransferStatus from, TransferStatus to) {
        super("A " + from.code() + " transfer cannot become " + to.code());
    }
}
