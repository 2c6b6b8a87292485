package dev.p2pbet.walletsim.fault;

import dev.p2pbet.walletsim.WalletSimulatorProperties;
import dev.p2pbet.walletsim.fault.domain.FaultDice;
import dev.p2pbet.walletsim.fault.domain.FaultSettings;
import dev.p2pbet.walletsim.transfer.domain.GasModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The run's faults, switchable at runtime through the sandbox API. Draws are serialised so that a run with the
 * same seed and the same sequence of calls misbehaves identically. Counts every injected fault as
 * {@code walletsim.faults{kind}}.
 */
@Component
public class FaultInjector {

    private final FaultSettings configured;
    private final MeterRegistry meters;
    private FaultDice dice;

    FaultInjector(WalletSimulatorProperties properties, MeterRegistry meters) {
        this.configured = properties.faults().settings();
        this.meters = meters;
        this.dice = new FaultDice(configured);
    }

    public synchronized FaultSettings current() {
        return dice.settings();
    }

    /** Switches to new settings; every random stream restarts from the settings' seed. */
    public synchronized void apply(FaultSettings settings) {
        dice = new FaultDice(settings);
    }

    /** Back to what the configuration says (for tests: no faults). */
    public synchronized FaultSettings reset() {
        dice = new FaultDice(configured);
        return configured;
    }

    public synchronized FaultDice.PostOutcome postTransfer() {
        FaultDice.PostOutcome outcome = dice.postTransfer();
        if (outcome != FaultDice.PostOutcome.NORMAL) {
            count(outcome == FaultDice.PostOutcome.FAIL_AFTER_COMMIT ? "error_after_commit" : "error_before_commit");
        }
        return outcome;
    }

    public synchronized Duration responseDelay() {
        Duration delay = dice.responseDelay();
        if (!delay.isZero()) {
            count("slow_response");
        }
        return delay;
    }

    public synchronized boolean failTransfer() {
        boolean fail = dice.failTransfer();
        if (fail) {
            count("transfer_failure");
        }
        return fail;
    }

    public synchronized FaultDice.WebhookPlan webhook() {
        FaultDice.WebhookPlan plan = dice.webhook();
        if (plan.dropped()) {
            count("webhook_drop");
        } else if (plan.duplicated()) {
            count("webhook_duplicate");
        }
        return plan;
    }

    public synchronized long gasUsed(GasModel model, long amountMinor) {
        return model.used(amountMinor, dice.gasRandom());
    }

    private void count(String kind) {
        meters.counter("walletsim.faults", "kind", kind).increment();
    }
}
