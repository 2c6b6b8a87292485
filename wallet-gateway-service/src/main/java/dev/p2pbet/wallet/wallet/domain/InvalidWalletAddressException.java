package dev.p2pbet.wallet.wallet.domain;

/** The address cannot be a user's wallet. */
public class InvalidWalletAddressException extends RuntimeException {

    public InvalidWalletAddressException(String message) {
        super(message);
    }
}
