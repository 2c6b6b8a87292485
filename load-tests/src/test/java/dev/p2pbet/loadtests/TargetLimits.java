package dev.p2pbet.loadtests;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run measured to stand in the way of a target, in words for the targets' summary
 * ({@link ResultTable#target}). Two kinds of limit are measured: the stack's CPU (what an operation costs, so what two
 * cores carry at most) and queueing for it (how full the cores were when a latency was measured, against the same
 * latency at a rate that leaves them idle).
 */
final class TargetLimits {

    private TargetLimits() {
    }

    /**
     * "CPU: an offer cost 18.7 ms of CPU over the stack (15.7 ms compiled and net of the idle stack; most in postgres
     * 5.0 ms, ...), so 2 cores carry at most 107 offers/s (119 compiled and net)".
     */
    static String cpu(CpuAccounting.Usage usage, String operation, String unit) {
        return String.format("CPU: %s cost %.1f ms of CPU over the stack (%s; most in %s), so %d cores carry at most "
                        + "%,.0f %s%s", operation, usage.cpuMsPerOperation(), compiled(usage.compiledCpuMsPerOperation()),
                dearest(usage), usage.cores(), usage.ceilingPerSecond(), unit,
                Double.isNaN(usage.compiledCeilingPerSecond()) ? ""
                        : String.format(" (%,.0f compiled and net)", usage.compiledCeilingPerSecond()));
    }

    /**
     * "CPU: a whole life cycle cost 105.6 ms of CPU over the stack (63.5 up to matched, most in ...; 42.1 settled and
     * paid), so 2 cores carry at most 18.9/s": a life cycle is measured in two windows, up to matched and its
     * settlement, and the target's rate needs both.
     */
    static String cpuOfWholeLifeCycle(CpuAccounting.Usage upToMatched, CpuAccounting.Usage settled) {
        double wholeMs = wholeLifeCycleMs(upToMatched, settled);
        return String.format("CPU: a whole life cycle cost %.1f ms of CPU over the stack (%.1f up to matched, most in "
                        + "%s; %.1f settled and paid), so %d cores carry at most %.1f/s", wholeMs,
                upToMatched.cpuMsPerOperation(), dearest(upToMatched), settled.cpuMsPerOperation(), upToMatched.cores(),
                wholeLifeCycleCeiling(upToMatched, settled));
    }

    /** A whole life cycle's CPU: the two windows' CPU per bet, up to matched and its settlement. */
    static double wholeLifeCycleMs(CpuAccounting.Usage upToMatched, CpuAccounting.Usage settled) {
        return upToMatched.cpuMsPerOperation() + settled.cpuMsPerOperation();
    }

    /** The life cycles per second the cores carry at most, at {@link #wholeLifeCycleMs} each. */
    static double wholeLifeCycleCeiling(CpuAccounting.Usage upToMatched, CpuAccounting.Usage settled) {
        return upToMatched.cores() * 1000 / wholeLifeCycleMs(upToMatched, settled);
    }

    /**
     * "queueing for the CPU: the stack used 93 % of 2 cores at 100 offers/s; at 10/s, where it used 24 %, the p99 was
     * 15 ms".
     */
    static String queueing(CpuAccounting.Usage loaded, String loadedRate, CpuAccounting.Usage light, String lightRate,
                           String figure, double lightMs) {
        return String.format("queueing for the CPU: the stack used %.0f %% of %d cores at %s; at %s, where it used "
                        + "%.0f %%, %s was %.0f ms", 100 * loaded.stackUtilisation(), loaded.cores(), loadedRate,
                lightRate, 100 * light.stackUtilisation(), figure, lightMs);
    }

    /** The three processes that took the most of an operation's CPU, with their milliseconds per operation. */
    static String dearest(CpuAccounting.Usage usage) {
        return usage.cpuSecondsByProcess().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(3)
                .map(e -> String.format("%s %.1f ms", e.getKey(), 1000 * e.getValue() / usage.operations()))
                .collect(Collectors.joining(", "));
    }

    private static String compiled(double ms) {
        return Double.isNaN(ms) || ms <= 0 ? "compiled and net of the idle stack: not measurable in this window"
                : String.format("%.1f ms compiled and net of the idle stack", ms);
    }
}
