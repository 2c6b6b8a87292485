package dev.p2pbet.testinfra.support;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Turns the in-process servers' own loggers (Kafka broker internals, zonky's PostgreSQL output) down to WARN
 * so that they do not flood a test log. Works only when logback is the SLF4J backend, and only for loggers that
 * have no level configured yet, so a project's logback configuration always wins; with another backend it does
 * nothing (use that backend's configuration, or include {@code dev/p2pbet/testinfra/logback-quiet-infra.xml}
 * from a logback file). Disable with {@code -Dp2pbet.infra.quiet-logs=false}.
 */
public final class QuietLogs {

    /** The same names as in {@code logback-quiet-infra.xml}. */
    public static final List<String> SERVER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.server",
            "org.apache.kafka.controller",
            "org.apache.kafka.raft",
            "org.apache.kafka.metadata",
            "org.apache.kafka.image",
            "org.apache.kafka.storage",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.queue",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.network",
            "org.apache.kafka.security",
            "io.zonky.test.db.postgres");

    private QuietLogs() {
    }

    public static void apply() {
        if ("false".equalsIgnoreCase(System.getProperty("p2pbet.infra.quiet-logs"))) {
            return;
        }
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, QuietLogs.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        try {
            LogbackLevels.warnIfUnset(LoggerFactory.getILoggerFactory(), SERVER_LOGGERS);
        } catch (LinkageError e) {
            // A logback on the classpath that does not match the one compiled against: leave the levels alone.
        }
    }
}
