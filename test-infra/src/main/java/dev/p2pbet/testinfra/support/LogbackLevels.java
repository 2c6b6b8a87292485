package dev.p2pbet.testinfra.support;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;

/** Only loaded when logback is on the classpath (see {@link QuietLogs}). */
final class LogbackLevels {

    private LogbackLevels() {
    }

    static void warnIfUnset(ILoggerFactory factory, List<String> names) {
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        for (String name : names) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
