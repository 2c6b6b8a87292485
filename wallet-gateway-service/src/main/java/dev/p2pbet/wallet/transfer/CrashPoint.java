package dev.p2pbet.wallet.transfer;

import dev.p2pbet.wallet.WalletGatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Test-only fault: with {@code p2pbet.wallet.crash-test.halt-after-provider-call=true} the JVM halts (no shutdown
 * hooks, no commit) right after the provider accepted a transfer, which is the worst moment for a crash. The crash
 * test runs the gateway jar as a child process with it on, then restarts it without and checks money moved once.
 * Off by default and never set outside that test.
 */
@Component
class CrashPoint {

    private static final Logger log = LoggerFactory.getLogger(CrashPoint.class);

    private final boolean haltAfterProviderCall;

    CrashPoint(WalletGatewayProperties properties) {
        this.haltAfterProviderCall = properties.crashTest().haltAfterProviderCall();
        if (haltAfterProviderCall) {
            log.warn("CRASH TEST: this process halts after its first provider transfer call");
        }
    }

    void afterProviderCall(String transferId) {
        if (haltAfterProviderCall) {
            log.warn("CRASH TEST: halting after the provider accepted {}", transferId);
            Runtime.getRuntime().halt(137);
        }
    }
}
