package dev.p2pbet.walletsim.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Around every integration test: the sum over all simulator accounts afterwards equals the sum before plus the
 * sandbox deposits the test made, whatever transfers, faults and failures happened in between.
 */
public final class MoneyIsConserved implements BeforeEachCallback, AfterEachCallback {

    private static final AtomicLong depositedByTest = new AtomicLong();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MoneyIsConserved.class);

    static void deposited(long amountMinor) {
        depositedByTest.addAndGet(amountMinor);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        depositedByTest.set(0);
        context.getStore(NAMESPACE).put("total", client(context).totalMinor());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        long before = context.getStore(NAMESPACE).get("total", Long.class);
        assertThat(client(context).totalMinor())
                .as("sum over all accounts after the test = before + the test's own deposits")
                .isEqualTo(before + depositedByTest.get());
    }

    private static SimulatorClient client(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        return SimulatorClient.on(Integer.parseInt(port));
    }
}
