package dev.p2pbet.walletsim.web;

import dev.p2pbet.walletsim.fault.FaultInjector;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.servlet.HandlerInterceptor;

/** The slow-response fault: delays a provider API call before it is handled (requests run on virtual threads). */
final class SlowResponseInterceptor implements HandlerInterceptor {

    private final FaultInjector faults;

    SlowResponseInterceptor(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        Duration delay = faults.responseDelay();
        if (!delay.isZero()) {
            Thread.sleep(delay);
        }
        return true;
    }
}
