package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.PlatformStack;
import dev.p2pbet.testinfra.process.SpringBootProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every service of a load run records itself with JDK Flight Recorder from its start: this class gives the JVM
 * options that start the recording, then dumps each recording and reads it with the JDK's own {@code jfr view}:
 * the GC pauses, the hottest methods, where the threads wait on sockets, and the CPU. The full views are kept
 * under {@code profiles/} next to the Gatling reports; the tables get the top methods ({@link GcPauses} reads the
 * pauses under load from the same recording).
 */
final class ServiceProfiles {

    private static final List<String> VIEWS = List.of("gc-pauses", "cpu-load", "thread-cpu-load", "hot-methods",
            "socket-reads-by-host", "contention-by-site", "allocation-by-class");

    /** One service's recording, read. */
    record Profile(String module, Path recording, List<String> hotMethods) {
    }

    private final Path dir;
    private final Path jdkBin;
    private final boolean c1Only;
    private final String extraJvmOptions;

    /**
     * {@code c1Only}: {@link Sizes#c1Only()}; {@code extraJvmOptions}: appended to every service's options
     * ({@code -Dload-tests.service-jvm-options}).
     */
    ServiceProfiles(Path dir, boolean c1Only, String extraJvmOptions) {
        this.dir = dir;
        this.c1Only = c1Only;
        this.extraJvmOptions = extraJvmOptions.isBlank() ? "" : " " + extraJvmOptions.trim();
        this.jdkBin = Path.of(ProcessHandle.current().info().command().orElse("java")).getParent();
    }

    /**
     * The options of a service JVM under load: SerialGC (two cores shared by six JVMs and the servers: no GC threads
     * competing with the work), a heap that keeps the process under the 512 MiB target (bet-service peaked at
     * 544-546 MiB with 256 MiB, 504 with 224), native memory glibc holds free given back every 5 s, and a flight
     * recording of the whole run.
     *
     * <p>The JVM's own compilers, C1 then C2, as in production, after a warm-up long enough for C2
     * ({@link Sizes#warmUp()}): once it has compiled the offer path an offer costs about a quarter less CPU than with
     * C1 only (docs/benchmarks.md, item 23). The smoke size runs C1 only: its few offers reach no C2 threshold, and
     * C2's compiling would only cost CI time. Append {@code -XX:TieredStopAtLevel=1} through
     * {@code -Dload-tests.service-jvm-options} to measure with C1 only.
     */
    String jvmOptions(String module) {
        return "-Xms128m -Xmx224m " + (c1Only ? "-XX:TieredStopAtLevel=1 " : "")
                + "-XX:TrimNativeHeapInterval=5000 -XX:+UseSerialGC "
                + "-XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -Xss512k "
                + "-XX:StartFlightRecording=name=load,settings=default,dumponexit=true,filename="
                + recording(module) + extraJvmOptions;
    }

    /** The JVMs write their recordings here from their start: the directory must exist before them. */
    void prepare() throws IOException {
        Files.createDirectories(dir);
    }

    /**
     * The JVM options, and glibc's malloc held to two arenas: by default it gives each thread that allocates natively
     * (Tomcat, Kafka clients, the JIT, JFR) an arena of its own, which keeps freed memory resident; the RSS target
     * counts it.
     */
    Map<String, String> environment(String module) {
        return Map.of(SpringBootProcess.JVM_OPTIONS, jvmOptions(module), "MALLOC_ARENA_MAX", "2");
    }

    /** Dumps every service's recording as it stands and reads it. */
    List<Profile> dumpAndRead(PlatformStack stack) throws IOException {
        Files.createDirectories(dir);
        List<Profile> profiles = new ArrayList<>();
        for (Map.Entry<String, Long> service : ServiceProcesses.pids(stack).entrySet()) {
            String module = service.getKey();
            Path recording = recording(module);
            if (!run(List.of(jdkBin.resolve("jcmd").toString(), String.valueOf(service.getValue()), "JFR.dump",
                    "name=load", "filename=" + recording), null) || !Files.exists(recording)) {
                continue;
            }
            StringBuilder views = new StringBuilder();
            for (String view : VIEWS) {
                Path out = dir.resolve(module + "-" + view + ".txt");
                run(List.of(jdkBin.resolve("jfr").toString(), "view", "--width", "200", view, recording.toString()),
                        out);
                views.append(Files.exists(out) ? Files.readString(out) : "").append('\n');
            }
            Files.writeString(dir.resolve(module + ".txt"), views);
            profiles.add(read(module, recording, dir.resolve(module + "-hot-methods.txt")));
        }
        return profiles;
    }

    /**
     * The live objects of {@code module}'s heap by class ({@code jcmd GC.class_histogram}, which collects first), in
     * {@code <module>-class-histogram-<moment>.txt}; returns the histogram's total line (instances, bytes).
     */
    String classHistogram(PlatformStack stack, String module, String moment) {
        Long pid = ServiceProcesses.pids(stack).get(module);
        Path out = dir.resolve(module + "-class-histogram-" + moment + ".txt");
        if (pid == null || !run(List.of(jdkBin.resolve("jcmd").toString(), String.valueOf(pid), "GC.class_histogram"),
                out)) {
            return "no histogram";
        }
        try {
            return lines(out).stream().filter(line -> line.startsWith("Total")).findFirst().orElse("no total");
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private Profile read(String module, Path recording, Path hotMethods) throws IOException {
        List<String> top = lines(hotMethods).stream()
                .filter(l -> l.matches(".*\\s[0-9]+\\s+[0-9.]+%\\s*$"))
                .limit(8)
                .map(l -> l.replaceAll("\\s+", " ").trim())
                .toList();
        return new Profile(module, recording, top);
    }

    private Path recording(String module) {
        return dir.resolve(module + ".jfr").toAbsolutePath();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static boolean run(List<String> command, Path output) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
