package dev.p2pbet.loadtests;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.p2pbet.testinfra.support.QuietLogs;
import org.slf4j.LoggerFactory;

/**
 * Puts this JVM's logging back as it was configured once a Gatling run has ended.
 *
 * <p>Gatling stops the logback context at the end of every run ({@code Gatling.start}), as if it owned the JVM; a
 * stopped context has no appenders and a root logger at DEBUG. In the harness's JVM that switched the Kafka
 * broker's debug logging on for every scenario after the first: each request it served was converted to JSON for
 * its request log (`RequestConvertToJson`), every debug message was built and then dropped, and the harness's own
 * log lines went nowhere (docs/benchmarks.md, item 21).
 */
final class LoggingAfterGatling {

    private LoggingAfterGatling() {
    }

    static void restore() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || context.isStarted()) {
            return;
        }
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("the test logging configuration did not load again", e);
        }
        context.start();
        QuietLogs.apply();
    }
}
