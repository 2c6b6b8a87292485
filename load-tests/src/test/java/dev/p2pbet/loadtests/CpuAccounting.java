package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.PlatformStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time each process of the stack spends on a scenario, read from Linux's own account of it
 * ({@code /proc/<pid>/stat}: utime + stime, in clock ticks) before and after the scenario, with the machine's total
 * ({@code /proc/stat}) over the same window. Divided by the scenario's operations it gives the CPU cost of one
 * operation, and from it the throughput the machine's cores could reach at best: a target above that ceiling cannot
 * be met by tuning waits and pools, only by making an operation cheaper.
 */
final class CpuAccounting {

    static final String TEST_JVM = "test JVM";
    static final String POSTGRES = "postgres";
    /** Children of the test JVM that are not services: the Apicurio registry. */
    static final String OTHER_CHILDREN = "registry";

    /** One line of {@code /proc/<pid>/stat}; times in clock ticks. */
    record ProcStat(long pid, String comm, long ppid, long utime, long stime, long cutime, long cstime) {

        /**
         * Parses a stat line. The command name (field 2) is in parentheses and may itself hold spaces and
         * parentheses, so the fields after it are counted from the last closing parenthesis.
         */
        static ProcStat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
            }
            long pid = Long.parseLong(line.substring(0, open).trim());
            String comm = line.substring(open + 1, close);
            // fields 3 (state) onwards; field n is at index n - 3
            String[] fields = line.substring(close + 1).trim().split("\\s+");
            if (fields.length < 15) {
                throw new IllegalArgumentException("a /proc/<pid>/stat line has at least 17 fields: " + line);
            }
            return new ProcStat(pid, comm, Long.parseLong(fields[1]), Long.parseLong(fields[11]),
                    Long.parseLong(fields[12]), Long.parseLong(fields[13]), Long.parseLong(fields[14]));
        }

        long ownTicks() {
            return utime + stime;
        }

        /** Its own time and that of its children that ended and were waited for (the postmaster's backends). */
        long ticksWithReapedChildren() {
            return utime + stime + cutime + cstime;
        }
    }

    /** The {@code cpu} line of {@code /proc/stat}: the machine's ticks, all cores together. */
    record MachineTicks(long busy, long total) {

        static MachineTicks parse(String procStat) {
            for (String line : procStat.split("\n")) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
                    long total = 0;
                    for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
                    return new MachineTicks(total - idle, total);
                }
            }
            throw new IllegalArgumentException("no cpu line in /proc/stat");
        }
    }

    /**
     * The ticks of every process group at one instant, and of the JIT compiler threads of each JVM among them (part
     * of its ticks): a JVM that is still compiling pays now for code it will run faster later.
     */
    record Snapshot(long nanoTime, Map<String, Long> ticksByProcess, Map<String, Long> jitTicksByProcess,
                    MachineTicks machine) {
    }

    /**
     * What a scenario cost: CPU-seconds by process over a window (of which {@code jitSeconds} were the JVMs' JIT
     * compiler threads), and the machine's utilisation in it.
     */
    record Usage(String scenario, long operations, double wallSeconds, Map<String, Double> cpuSecondsByProcess,
                 double jitSeconds, double machineUtilisation, int cores, double idleCpuPerSecond,
                 double idleJitPerSecond) {

        /**
         * The same window with the stack's idle CPU (CPU-seconds per second with no load: pollers, consumers'
         * fetches, the recordings, the collectors, and compilations still queued) known, to tell the cost of an
         * operation from the cost of time.
         */
        Usage withIdle(Usage idle) {
            return new Usage(scenario, operations, wallSeconds, cpuSecondsByProcess, jitSeconds, machineUtilisation,
                    cores, idle.cpuSeconds() / idle.wallSeconds(), idle.jitSeconds() / idle.wallSeconds());
        }

        /**
         * CPU per operation without the JIT compiler threads, net of the idle stack's CPU without them: the price of an
         * operation once the JVMs have compiled what it runs (an upper bound: code not yet compiled by C2 runs slower
         * than it will); NaN when idle is not known.
         */
        double compiledCpuMsPerOperation() {
            if (operations <= 0 || Double.isNaN(idleCpuPerSecond)) {
                return Double.NaN;
            }
            double idleWithoutJit = (idleCpuPerSecond - idleJitPerSecond) * wallSeconds;
            return 1000 * Math.max(0, cpuSeconds() - jitSeconds - idleWithoutJit) / operations;
        }

        /** Operations per second at {@link #compiledCpuMsPerOperation()} on the cores the idle stack leaves. */
        double compiledCeilingPerSecond() {
            double perOperation = compiledCpuMsPerOperation() / 1000;
            return Double.isNaN(perOperation) || perOperation <= 0 ? Double.NaN
                    : Math.max(0, cores - (idleCpuPerSecond - idleJitPerSecond)) / perOperation;
        }

        /** CPU per operation beyond what the stack spends idle over the same time; NaN when idle is not known. */
        double marginalCpuMsPerOperation() {
            if (operations <= 0 || Double.isNaN(idleCpuPerSecond)) {
                return Double.NaN;
            }
            return 1000 * Math.max(0, cpuSeconds() - idleCpuPerSecond * wallSeconds) / operations;
        }

        /** Operations per second the cores left over by the idle stack could make at the marginal cost. */
        double marginalCeilingPerSecond() {
            double perOperation = marginalCpuMsPerOperation() / 1000;
            return Double.isNaN(perOperation) || perOperation <= 0 ? Double.NaN
                    : Math.max(0, cores - idleCpuPerSecond) / perOperation;
        }

        double cpuSeconds() {
            return cpuSecondsByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double cpuMsPerOperation() {
            return operations <= 0 ? Double.NaN : 1000 * cpuSeconds() / operations;
        }

        /** Operations per second if every core did nothing else: cores x 1 s / CPU-seconds per operation. */
        double ceilingPerSecond() {
            double perOperation = cpuMsPerOperation() / 1000;
            return Double.isNaN(perOperation) || perOperation <= 0 ? Double.NaN : cores / perOperation;
        }

        /** The stack's CPU over the window as a share of all the machine's cores. */
        double stackUtilisation() {
            return wallSeconds <= 0 ? Double.NaN : cpuSeconds() / (wallSeconds * cores);
        }

        /** "bet-service 4.1 ms, wallet-gateway-service 6.0 ms, ..." per operation, largest first. */
        String split() {
            return cpuSecondsByProcess.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format("%s %.2f ms", e.getKey(),
                            operations <= 0 ? Double.NaN : 1000 * e.getValue() / operations))
                    .collect(Collectors.joining(", "));
        }

        String note() {
            String note = String.format("%s; %,d operations in %.1f s: the stack used %.0f %% of %d cores, the machine "
                            + "was %.0f %% busy", split(), operations, wallSeconds, 100 * stackUtilisation(), cores,
                    100 * machineUtilisation);
            if (!Double.isNaN(idleCpuPerSecond)) {
                double net = marginalCpuMsPerOperation();
                note += net > 0
                        ? String.format("; net of the idle stack's %.2f CPU-s/s: %.2f ms per operation",
                                idleCpuPerSecond, net)
                        : String.format("; no more than the idle stack's %.2f CPU-s/s would have cost over the window",
                                idleCpuPerSecond);
            }
            if (operations > 0) {
                note += String.format("; the JIT compiler threads took %.2f ms per operation", 1000 * jitSeconds
                        / operations);
                double compiled = compiledCpuMsPerOperation();
                if (compiled > 0) {
                    note += String.format(", without them and net of the idle stack's other %.2f CPU-s/s: %.2f ms",
                            idleCpuPerSecond - idleJitPerSecond, compiled);
                }
            }
            return note;
        }
    }

    private final Map<String, Long> servicePids;
    private final int postgresPort;
    private final long testJvmPid = ProcessHandle.current().pid();
    private final long ticksPerSecond = clockTicksPerSecond();
    private final int cores = Runtime.getRuntime().availableProcessors();

    CpuAccounting(Map<String, Long> servicePids, int postgresPort) {
        this.servicePids = Map.copyOf(servicePids);
        this.postgresPort = postgresPort;
    }

    static CpuAccounting of(PlatformStack stack) {
        Matcher port = Pattern.compile("//[^/:]+:(\\d+)/").matcher(stack.jdbcUrl("postgres"));
        return new CpuAccounting(ServiceProcesses.pids(stack), port.find() ? Integer.parseInt(port.group(1)) : -1);
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Reads every process of the stack and the machine's total now. */
    Snapshot snapshot() {
        List<ProcStat> processes = allProcesses();
        Map<String, Long> ticks = new LinkedHashMap<>();
        servicePids.forEach((module, pid) -> processes.stream().filter(p -> p.pid() == pid).findFirst()
                .ifPresent(p -> ticks.put(module, p.ownTicks())));
        processes.stream().filter(p -> p.pid() == testJvmPid).findFirst()
                .ifPresent(p -> ticks.put(TEST_JVM, p.ownTicks()));
        long others = processes.stream().filter(p -> p.ppid() == testJvmPid && !servicePids.containsValue(p.pid()))
                .mapToLong(ProcStat::ownTicks).sum();
        ticks.put(OTHER_CHILDREN, others);
        long postmaster = postmasterPid();
        long postgres = processes.stream().filter(p -> p.pid() == postmaster)
                .mapToLong(ProcStat::ticksWithReapedChildren).sum()
                + processes.stream().filter(p -> p.ppid() == postmaster).mapToLong(ProcStat::ownTicks).sum();
        ticks.put(POSTGRES, postgres);
        Map<String, Long> jit = new LinkedHashMap<>();
        servicePids.forEach((module, pid) -> jit.put(module, compilerThreadTicks(pid)));
        jit.put(TEST_JVM, compilerThreadTicks(testJvmPid));
        MachineTicks machine;
        try {
            machine = MachineTicks.parse(Files.readString(Path.of("/proc/stat")));
        } catch (IOException | RuntimeException e) {
            machine = new MachineTicks(0, 0);
        }
        return new Snapshot(System.nanoTime(), ticks, jit, machine);
    }

    /** The CPU of the window between two snapshots, for {@code operations} operations of {@code scenario}. */
    Usage between(String scenario, Snapshot before, Snapshot after, long operations) {
        return usage(scenario, before, after, operations, ticksPerSecond, cores);
    }

    static Usage usage(String scenario, Snapshot before, Snapshot after, long operations, long ticksPerSecond,
                       int cores) {
        Map<String, Double> seconds = secondsBetween(before.ticksByProcess(), after.ticksByProcess(), ticksPerSecond);
        double jit = secondsBetween(before.jitTicksByProcess(), after.jitTicksByProcess(), ticksPerSecond).values()
                .stream().mapToDouble(Double::doubleValue).sum();
        long total = after.machine().total() - before.machine().total();
        double utilisation = total <= 0 ? Double.NaN
                : (after.machine().busy() - before.machine().busy()) / (double) total;
        return new Usage(scenario, operations, (after.nanoTime() - before.nanoTime()) / 1e9, seconds, jit, utilisation,
                cores, Double.NaN, Double.NaN);
    }

    private static Map<String, Double> secondsBetween(Map<String, Long> before, Map<String, Long> after,
                                                      long ticksPerSecond) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.forEach((process, ticks) -> {
            Long was = before.get(process);
            if (was != null) {
                seconds.put(process, Math.max(0, ticks - was) / (double) ticksPerSecond);
            }
        });
        return seconds;
    }

    /**
     * The ticks of a JVM's JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}: thread names are
     * cut at 15 characters). On two cores HotSpot runs one of each and keeps them for the JVM's life, so their ticks
     * only grow.
     */
    private static long compilerThreadTicks(long pid) {
        return ThreadCpu.ticksByGroup(pid).entrySet().stream()
                .filter(group -> group.getKey().matches("C[12] CompilerThre.*"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** The stack's PostgreSQL server: the {@code postgres} process started with {@code -p <its port>}. */
    private long postmasterPid() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    List<String> args = List.of(new String(Files.readAllBytes(process.resolve("cmdline")),
                            StandardCharsets.UTF_8).split("\0"));
                    int p = args.indexOf("-p");
                    if (!args.isEmpty() && args.get(0).endsWith("/postgres") && p >= 0 && p + 1 < args.size()
                            && args.get(p + 1).equals(String.valueOf(postgresPort))) {
                        return Long.parseLong(process.getFileName().toString());
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static List<ProcStat> allProcesses() {
        List<ProcStat> stats = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    stats.add(ProcStat.parse(Files.readString(process.resolve("stat"))));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return stats;
        }
        return stats;
    }

    /** {@code getconf CLK_TCK}; 100 (the Linux default for user space) only if it cannot be read. */
    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
