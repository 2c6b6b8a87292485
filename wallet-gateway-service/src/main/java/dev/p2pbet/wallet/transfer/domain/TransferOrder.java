package dev.p2pbet.wallet.transfer.domain;

import dev.p2pbet.plumbing.money.Money;
import java.util.Objects;

/**
 * What a transfer command asks for, before the gateway resolves the accounts. {@code userId} is the paying or
 * receiving user (null for fee and gas recovery); {@code gasQuote} the quote the commanding service decided on.
 */
public record TransferOrder(String transferId, TransferType type, String betId, String userId, Money amount,
                            Money gasQuote) {

    public TransferOrder {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(betId, "betId");
        Objects.requireNonNull(amount, "amount");
        if (transferId.isBlank() || !transferId.startsWith(betId + ":")) {
            throw new IllegalArgumentException("transfer_id " + transferId + " does not belong to bet " + betId);
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A transfer moves a positive amount, was " + amount);
        }
        if (type.involvesUserWallet() && (userId == null || userId.isBlank())) {
            throw new IllegalArgumentException(type + " needs a user");
        }
        if (gasQuote != null && !gasQuote.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("gas quote " + gasQuote + " is not in " + amount.currency());
        }
    }
}
