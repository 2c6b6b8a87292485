package dev.p2pbet.walletsim;

import dev.p2pbet.walletsim.fault.domain.FaultSettings;
import dev.p2pbet.walletsim.transfer.domain.GasModel;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every setting of the simulator, under {@code wallet-simulator.*}; see the module README for the table. */
@ConfigurationProperties("wallet-simulator")
public record WalletSimulatorProperties(
        @DefaultValue("USD") String currency,
        @DefaultValue Api api,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Accounts accounts,
        @DefaultValue Transfers transfers,
        @DefaultValue Gas gas,
        @DefaultValue Webhook webhook,
        @DefaultValue Faults faults) {

    /** API clients: client id to its API key, sent as {@code Authorization: Bearer <key>}. */
    public record Api(Map<String, String> clients) {

        public Api {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }

    /** The key of the sandbox admin API, sent as {@code X-Sandbox-Key}; blank leaves the sandbox open. */
    public record Sandbox(@DefaultValue("") String apiKey) {
    }

    /** The gas float deposited on {@code PLATFORM_OPS} at start when its balance is zero. */
    public record Accounts(@DefaultValue("100000000") long platformOpsFloatMinor) {
    }

    public record Transfers(@DefaultValue("2s") Duration confirmationDelay, @DefaultValue("100ms") Duration pollInterval,
                            @DefaultValue("100") int settleBatchSize) {

        public Transfers {
            if (settleBatchSize < 1) {
                throw new IllegalArgumentException("wallet-simulator.transfers.settle-batch-size must be at least 1, was "
                        + settleBatchSize);
            }
        }
    }

    public record Gas(@DefaultValue("25") long baseMinor, @DefaultValue("10") int proportionalBps,
                      @DefaultValue("10") int jitterPercent) {

        public GasModel model() {
            return new GasModel(baseMinor, proportionalBps, jitterPercent);
        }
    }

    public record Webhook(
            @DefaultValue("") String url,
            @DefaultValue("") String secret,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("100ms") Duration pollInterval) {

        public boolean enabled() {
            return !url.isBlank();
        }
    }

    public record Faults(
            @DefaultValue("42") long seed,
            @DefaultValue("0") double postTransferErrorRate,
            @DefaultValue("0.5") double errorAfterCommitShare,
            @DefaultValue("0") double slowResponseRate,
            @DefaultValue("0ms") Duration slowResponseDelay,
            @DefaultValue("0") double transferFailureRate,
            @DefaultValue("0") double webhookDropRate,
            @DefaultValue("0") double webhookDuplicateRate,
            @DefaultValue("0ms") Duration webhookMaxExtraDelay) {

        public FaultSettings settings() {
            return new FaultSettings(seed, postTransferErrorRate, errorAfterCommitShare, slowResponseRate,
                    slowResponseDelay, transferFailureRate, webhookDropRate, webhookDuplicateRate, webhookMaxExtraDelay);
        }
    }
}
