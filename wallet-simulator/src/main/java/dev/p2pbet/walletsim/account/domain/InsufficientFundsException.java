package dev.p2pbet.walletsim.account.domain;

/** An account cannot hold what a transfer needs. */
public final class InsufficientFundsException extends RuntimeException {

    private final String accountId;
    private final long requestedMinor;
    private final long availableMinor;

    public InsufficientFundsException(String accountId, long requestedMinor, long availableMinor) {
        super("Account " + accountId + " has " + availableMinor + " available, " + requestedMinor + " needed");
        this.accountId = accountId;
        this.requestedMinor = requestedMinor;
        this.availableMinor = availableMinor;
    }

    public String accountId() {
        return accountId;
    }

    public long requestedMinor() {
        return requestedMinor;
    }

    public long availableMinor() {
        return availableMinor;
    }
}
