package dev.p2pbet.systemtests.support;

import dev.p2pbet.systemtests.clients.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one platform of this JVM. By default the tests start their own ({@code PlatformStack}, free ports);
 * {@code -Dsystem-tests.running-stack=DIR} uses the one {@code ./platform run} serves from DIR instead (its
 * fixed ports and {@code DIR/.local-stack} secrets; the tests that kill services are skipped there).
 */
public final class SharedPlatform {

    public static final String RUNNING_STACK = "system-tests.running-stack";
    /** Confirmations in a tenth of a second keep the suite short; the order of events stays the real one. */
    static final long CONFIRMATION_DELAY_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(SharedPlatform.class);
    private static SystemUnderTest platform;
    private static RuntimeException startFailure;

    private SharedPlatform() {
    }

    /** The platform, started on first use; a platform that failed to start is not tried again in this JVM. */
    public static synchronized SystemUnderTest get() {
        if (startFailure != null) {
            throw new IllegalStateException("the platform did not start (see the first failing test)", startFailure);
        }
        if (platform == null) {
            try {
                platform = start();
                prepare(platform);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return platform;
    }

    private static SystemUnderTest start() {
        String running = System.getProperty(RUNNING_STACK, "");
        if (!running.isBlank()) {
            RunningStack stack = new RunningStack(Path.of(running).toAbsolutePath().normalize());
            log.info("System tests against {}", stack.describe());
            return stack;
        }
        Path root = Path.of(System.getProperty("system-tests.project-root", "..")).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("system-tests.state-dir", "target/platform")).toAbsolutePath();
        long began = System.nanoTime();
        StartedStack stack = StartedStack.start(root, state, tuning());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stack::close));
        log.info("System tests against {}, up in {} s", stack.describe(),
                Duration.ofNanos(System.nanoTime() - began).toSeconds());
        return stack;
    }

    /**
     * Shorter waits than production, so a lost webhook or a quiet schedule costs seconds, not minutes, of the
     * suite's budget. The paths taken are the same.
     */
    private static Map<String, Map<String, String>> tuning() {
        return Map.of(
                SystemUnderTest.WALLET_GATEWAY, Map.of(
                        // a transfer the provider took but never reported is polled after this
                        "P2PBET_WALLET_RECONCILER_SUBMITTEDAFTER", "5s",
                        // a submission whose answer was lost is looked up after this (above the longest call
                        // with its retries: 3 x (2 s connect + 3 s read) + backoffs, checked by the gateway)
                        "P2PBET_WALLET_RECONCILER_REQUESTEDAFTER", "20s",
                        "P2PBET_WALLET_RECONCILER_INTERVAL", "1s"),
                SystemUnderTest.SETTLEMENT, Map.of(
                        "P2PBET_SETTLEMENT_POLLINTERVAL", "1s",
                        "P2PBET_SETTLEMENT_SHORTFALLBACKOFF", "1s",
                        "P2PBET_SETTLEMENT_AUDITTIMEOUT", "10s"),
                SystemUnderTest.STATS, Map.of(
                        // read by a placeholder and by the properties binder: both spellings
                        "P2PBET_STATS_GAMES_STARTCHECKINTERVAL", "PT1S",
                        "P2PBET_STATS_GAMES_START_CHECK_INTERVAL", "PT1S"));
    }

    /** A clean provider: no faults, quick confirmations (restored for a stack that is not ours). */
    private static void prepare(SystemUnderTest sut) {
        Sandbox sandbox = new Sandbox(sut);
        sandbox.clearFaults();
        Sandbox.Network configured = sandbox.network();
        sandbox.network(configured.withConfirmationDelayMs(CONFIRMATION_DELAY_MS));
        if (!sut.controlsProcesses()) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                sandbox.network(configured);
                sandbox.clearFaults();
            }));
        }
    }
}
