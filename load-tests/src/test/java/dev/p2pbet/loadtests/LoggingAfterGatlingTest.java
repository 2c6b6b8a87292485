package dev.p2pbet.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.p2pbet.testinfra.support.QuietLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingAfterGatlingTest {

    @Test
    void a_context_gatling_stopped_logs_as_configured_again_with_the_broker_quiet() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        QuietLogs.apply();
        context.stop(); // what Gatling does at the end of a run

        LoggingAfterGatling.restore();

        assertThat(context.isStarted()).isTrue();
        assertThat(LoggerFactory.getLogger("kafka.request.logger").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger(LoggingAfterGatlingTest.class).isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(LoggingAfterGatlingTest.class).isDebugEnabled()).isFalse();
    }
}
