package dev.p2pbet.systemtests.fuzz;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Why a fuzz run ended short of its count, in a few dozen lines for the failure message: CI keeps the failure
 * messages and little else of a long log. It says which target was slow and what the answers were, whether each port
 * still takes connections (a listen socket's accept queue that stays full means nobody accepts), each service's
 * vitals and where its request threads are, and where the test JVM's are (the local entry point and the fuzzer's
 * own workers live there).
 */
final class StallReport {

    private static final int FINDINGS_SHOWN = 3;
    private static final int GROUPS_PER_JVM = 3;
    private static final long JCMD_SECONDS = 20;

    /** The request threads of a service: Tomcat's virtual threads (a carrier's dump shows only its own frames). */
    private static final Predicate<String> SERVICE_REQUEST_THREADS = header -> header.contains("\" virtual ");
    /** The request threads of the test JVM: virtual ones (the fuzzer's), the entry point's, the HTTP clients'. */
    static final Predicate<String> TEST_JVM_REQUEST_THREADS = header -> header.contains("\" virtual ")
            || header.contains("\"HttpClient-") || header.contains("\"entry-point-");
    /** The JDK HTTP server's thread that accepts connections and hands requests on (the entry point's). */
    static final Predicate<String> DISPATCHER = header -> header.contains("\"HTTP-Dispatcher\"");

    private StallReport() {
    }

    /**
     * @param services the services' own ports (the entry point's target left out)
     * @param pids     a service's process id, from its name
     */
    static String describe(Tally tally, Map<String, URI> targets, Map<String, URI> services, ServiceVitals vitals,
                           ToLongFunction<String> pids) {
        StringBuilder report = new StringBuilder("\nanswer times:");
        tally.latencyByTarget().forEach((target, latency) -> report.append("\n  ").append(target).append(": ")
                .append(latency));
        tally.findings().stream().limit(FINDINGS_SHOWN).forEach(finding -> report.append("\nfinding: ")
                .append(finding.count().sum()).append(" x ").append(finding.signature()));
        report.append("\nwaiting to be accepted: ").append(targets.entrySet().stream()
                .map(target -> target.getKey() + " " + acceptQueue(target.getValue().getPort()))
                .collect(Collectors.joining(", ")));
        services.forEach((service, uri) -> {
            report.append("\n").append(service).append(": ").append(vitals.describe(uri));
            serviceThreads(pids.applyAsLong(service)).forEach(group -> report.append("\n  ").append(group));
        });
        report.append("\ntest JVM:");
        testJvmThreads(DISPATCHER).forEach(group -> report.append("\n  ").append(group));
        testJvmThreads(TEST_JVM_REQUEST_THREADS).forEach(group -> report.append("\n  ").append(group));
        return report.toString();
    }

    /** For a listening socket, /proc/net/tcp's rx_queue is the number of connections waiting to be accepted. */
    static String acceptQueue(int port) {
        String local = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 4 && fields[1].endsWith(local) && fields[3].equals("0A")) {
                        return String.valueOf(Long.parseLong(fields[4].split(":")[1], 16));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the rest of the report still stands
            }
        }
        return "not listening";
    }

    static List<String> testJvmThreads(Predicate<String> threads) {
        return fromDump(dump -> ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN), threads);
    }

    /** jcmd's dump of another JVM on this machine, virtual threads included. */
    static List<String> serviceThreads(long pid) {
        return fromDump(dump -> {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "Thread.dump_to_file", "-format=text", dump.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!jcmd.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                    throw new IOException("jcmd did not answer in " + JCMD_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }, SERVICE_REQUEST_THREADS);
    }

    private interface Dumper {
        void dumpTo(Path file) throws IOException;
    }

    private static List<String> fromDump(Dumper dumper, Predicate<String> threads) {
        Path dump = null;
        try {
            dump = Files.createTempFile("fuzz-threads", ".txt");
            Files.delete(dump);
            dumper.dumpTo(dump);
            return groupThreads(Files.readString(dump), threads, GROUPS_PER_JVM);
        } catch (IOException | RuntimeException e) {
            return List.of("no thread dump: " + e);
        } finally {
            if (dump != null) {
                try {
                    Files.deleteIfExists(dump);
                } catch (IOException ignored) {
                    // a temporary file left behind is no reason to lose the report
                }
            }
        }
    }

    /**
     * Groups the threads of a plain-text dump whose header {@code threads} accepts by name, state, top frame and first
     * frame outside java.base, largest groups first: many request threads waiting in one place say what they wait
     * for. Threads with no frame outside java.base are idle pool threads and left out.
     */
    static List<String> groupThreads(String dump, Predicate<String> threads, int limit) {
        Map<String, Long> groups = new TreeMap<>();
        for (String block : dump.split("\\n\\s*\\n")) {
            List<String> lines = block.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty() || !lines.getFirst().startsWith("#") || !threads.test(lines.getFirst())) {
                continue;
            }
            List<String> frames = lines.stream().filter(line -> line.startsWith("at ")).map(line -> line.substring(3))
                    .toList();
            String caller = frames.stream().filter(frame -> !frame.startsWith("java.base/")).findFirst().orElse("");
            if (caller.isEmpty()) {
                continue; // an idle pool or carrier thread: it holds nothing up
            }
            String top = frames.getFirst();
            String name = lines.getFirst().replaceFirst("^#\\d+ \"([^\"]*)\".*", "$1").replaceAll("\\d+", "N");
            String state = lines.getFirst().replaceFirst("^#\\d+ \"[^\"]*\" ", "").replaceFirst(" \\S+$", "");
            groups.merge((name.isEmpty() ? "" : name + " ") + state + ": " + top
                    + (caller.equals(top) ? "" : " <- " + caller), 1L, Long::sum);
        }
        List<String> largest = new ArrayList<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(group -> largest.add(group.getValue() + " x " + group.getKey()));
        return largest;
    }
}
