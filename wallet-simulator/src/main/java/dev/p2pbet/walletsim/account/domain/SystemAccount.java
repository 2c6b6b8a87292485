package dev.p2pbet.walletsim.account.domain;

/**
 * Accounts the provider opens for the platform at start. {@link #PLATFORM_OPS} sponsors the gas of every
 * transfer; the gas ends on {@link #NETWORK_FEES}, the simulator's stand-in for the network, so that the sum
 * over all accounts stays constant.
 */
public enum SystemAccount {
    ESCROW_VAULT,
    PLATFORM_OPS,
    PLATFORM_REVENUE,
    NETWORK_FEES;

    public static final SystemAccount SPONSOR = PLATFORM_OPS;

    public String id() {
        return name();
    }
}
