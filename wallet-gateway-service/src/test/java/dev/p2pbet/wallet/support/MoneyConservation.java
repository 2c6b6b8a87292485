package dev.p2pbet.wallet.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Around every test: the sum of all simulator accounts equals what it was plus the test's own deposits. Money only
 * moves between accounts (gas ends on NETWORK_FEES), so any other change is a lost or minted cent.
 */
public class MoneyConservation implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        WalletSimulator simulator = WalletSimulator.shared();
        assertThat(simulator.total()).as("sum of all provider accounts before the test").isEqualTo(simulator.expectedTotal());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        WalletSimulator simulator = WalletSimulator.shared();
        simulator.noFaults();
        simulator.normalNetwork();
        assertThat(simulator.total()).as("sum of all provider accounts after the test (deposits included)")
                .isEqualTo(simulator.expectedTotal());
    }
}
