package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.transfer.domain.GasModel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The simulated network's current gas model and confirmation delay: from configuration at start, changeable
 * through the sandbox (e.g. to make gas expensive for a test of the platform's high-gas wait).
 */
@Component
public class NetworkSettings {

    /** A snapshot of the network. */
    public record Network(GasModel gas, Duration confirmationDelay) {

        public Network {
            if (confirmationDelay.isNegative()) {
                throw new IllegalArgumentException("Confirmation delay must not be negative");
            }
        }
    }

    private final Network configured;
    private final AtomicReference<Network> current;

    NetworkSettings(WalletSimulatorProperties properties) {
        this.configured = new Network(properties.gas().model(), properties.transfers().confirmationDelay());
        this.current = new AtomicReference<>(configured);
    }

    public Network current() {
        return current.get();
    }

    public void apply(Network network) {
        current.set(network);
    }

    public Network reset() {
        current.set(configured);
        return configured;
    }
}
