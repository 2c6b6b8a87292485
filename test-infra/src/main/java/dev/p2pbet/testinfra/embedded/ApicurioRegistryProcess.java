package dev.p2pbet.testinfra.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.p2pbet.testinfra.SchemaRegistry;
import dev.p2pbet.testinfra.support.BuildInfo;
import dev.p2pbet.testinfra.support.Ports;
import dev.p2pbet.testinfra.support.RegistryRules;
import dev.p2pbet.testinfra.support.ShutdownHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry 2.x (Quarkus, in-memory H2 storage) run as a <em>child process</em> from the runnable
 * distribution on Maven Central, {@code io.apicurio:apicurio-registry-app:<version>:zip:all}.
 *
 * <ul>
 *   <li>The zip is taken from the local Maven repository (the path Maven wrote into {@code build.properties} when
 *       test-infra was built, else {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}; or
 *       {@code P2PBET_APICURIO_ZIP}) and unpacked once into {@code ~/.cache/p2pbet/apicurio-registry-<version>/}
 *       (into a temporary directory first, then renamed atomically, so concurrent JVMs do not see half a tree).</li>
 *   <li>It runs as {@code java <jvm options> -Dquarkus.http.port=PORT -jar ...-runner.jar} (JVM options must come
 *       before {@code -jar}) with the java of this JVM (Quarkus 3.15 runs on 17+, checked on 17 and 25), or
 *       {@code P2PBET_APICURIO_JAVA}. Output goes to a log file ({@link #logFile()}).</li>
 *   <li>{@link #start} returns once {@code /health/ready} answers 200, after setting the registry-wide
 *       COMPATIBILITY rule to BACKWARD.</li>
 *   <li>{@link #close()} (and a JVM shutdown hook) stops the process and its descendants. A registry left behind by
 *       a JVM that was killed (SIGKILL: no hook runs) is stopped by the next start on this machine.</li>
 *   <li>A class-data-sharing archive of the registry's classes is written once into the cache directory; later
 *       starts load it (about 2 s to ready instead of 3.5 s on a 2-core machine). {@code -Dp2pbet.apicurio.cds=false}
 *       turns it off.</li>
 * </ul>
 *
 * <p>No JUnit types here: the local stack uses it too.
 */
public final class ApicurioRegistryProcess implements SchemaRegistry {

    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistryProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final String ARTIFACT = "apicurio-registry-app";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path runFile;
    private final CdsArchive cds;
    private final Thread shutdownHook;
    private boolean closed;

    private ApicurioRegistryProcess(Process process, int port, Path logFile, Path runFile, CdsArchive cds) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.runFile = runFile;
        this.cds = cds;
        this.shutdownHook = ShutdownHooks.add("apicurio-registry-" + port + "-stopper", this::close);
    }

    /**
     * Starts a registry on localhost:{@code port} (0 picks a free port), its output in
     * {@code target/apicurio-registry-PORT.log} when the working directory has a {@code target/} folder (a Maven
     * module), else in {@code ~/.cache/p2pbet/logs/}.
     */
    public static ApicurioRegistryProcess start(int port) {
        return start(port, null);
    }

    /** Like {@link #start(int)}, with the registry's output in {@code logFile} (truncated). */
    public static ApicurioRegistryProcess start(int port, Path logFile) {
        long started = System.nanoTime();
        Path runner = runnerJar();
        reapOrphans();
        String java = javaExecutable();
        boolean useCds = !"false".equalsIgnoreCase(System.getProperty("p2pbet.apicurio.cds"));
        int attempts = port == 0 ? 3 : 2;
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int httpPort = Ports.resolve(port);
            Path logPath = logFile != null ? logFile : defaultLogFile(httpPort);
            CdsArchive cds = useCds ? CdsArchive.prepare(java) : CdsArchive.NONE;
            try {
                Process process = launch(java, runner, httpPort, logPath, cds);
                Path runFile = recordRun(process);
                ApicurioRegistryProcess registry = new ApicurioRegistryProcess(process, httpPort, logPath, runFile, cds);
                try {
                    registry.awaitReady();
                    RegistryRules.setGlobalCompatibility(registry.registryApiUrl(), "BACKWARD");
                } catch (RuntimeException e) {
                    registry.close();
                    throw e;
                }
                log.info("Real Apicurio Registry {} up at {} in {} ms (child process pid {}, {}, log {})",
                        BuildInfo.apicurioVersion(), registry.baseUrl(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(),
                        describeJava(java), logPath);
                return registry;
            } catch (RuntimeException e) {
                failure = e;
                cds.release();
                String output = tail(logPath, 4000);
                boolean bindFailure = output.contains("already in use") || output.contains("Port already bound");
                if (bindFailure) {
                    if (port != 0) {
                        break;
                    }
                } else if (cds.used() && e instanceof ExitedEarly) {
                    // A damaged or foreign archive must never cost us the registry: drop it, try without.
                    cds.discard();
                    useCds = false;
                } else {
                    break;
                }
                if (attempt < attempts) {
                    log.warn("Apicurio Registry did not start on port {} ({}); retrying", httpPort, e.getMessage());
                }
            }
        }
        throw failure;
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ShutdownHooks.remove(shutdownHook);
        boolean graceful = stopProcessTree(process.toHandle(), cds.dumping() ? Duration.ofSeconds(30) : Duration.ofSeconds(10));
        cds.finish(graceful);
        try {
            Files.deleteIfExists(runFile);
        } catch (IOException e) {
            // Harmless: the next start drops records of dead processes.
        }
        log.info("Real Apicurio Registry at {} stopped (pid {})", baseUrl(), process.pid());
    }

    @Override
    public String toString() {
        return "ApicurioRegistryProcess[" + baseUrl() + ", pid " + process.pid() + "]";
    }

    // ---------------------------------------------------------------------------------------------- start & stop

    private static Process launch(String java, Path runner, int httpPort, Path logFile, CdsArchive cds) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(cds.options());
        String extra = System.getProperty("p2pbet.apicurio.jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-jar");
        command.add(runner.toString());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "# " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
            return new ProcessBuilder(command)
                    .directory(runner.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    private void awaitReady() {
        String readiness = baseUrl() + "/health/ready";
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ExitedEarly("Apicurio Registry (pid " + process.pid() + ") exited with status "
                        + process.exitValue() + " before it was ready; its log " + logFile + " ends with:\n"
                        + tail(logFile, 3000));
            }
            if (RegistryRules.answers200(readiness)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("Apicurio Registry at " + baseUrl() + " not ready within " + READY_TIMEOUT
                + "; its log " + logFile + " ends with:\n" + tail(logFile, 3000));
    }

    /** SIGTERM to the process and its descendants, SIGKILL after {@code grace}; true when SIGTERM sufficed. */
    private static boolean stopProcessTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean graceful = true;
        try {
            root.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            graceful = false;
            root.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return graceful;
    }

    // ------------------------------------------------------------------------------------- the runner, unpacked

    /** The unpacked {@code apicurio-registry-app-<version>-runner.jar}; unpacks the zip on first use. */
    public static synchronized Path runnerJar() {
        String version = BuildInfo.apicurioVersion();
        Path home = cacheDirectory().resolve("apicurio-registry-" + version);
        Path jar = home.resolve(ARTIFACT + "-" + version + "-runner.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path zip = runnerZip(version);
        removeStaleStagingDirectories(home);
        Path staging = null;
        try {
            if (Files.exists(home)) {
                // Not produced by us (we only ever rename complete trees into place): move it out of the way.
                Files.move(home, home.resolveSibling(home.getFileName() + ".broken-" + UUID.randomUUID()));
            }
            staging = Files.createTempDirectory(home.getParent(), ".unpack-" + home.getFileName() + "-");
            long started = System.nanoTime();
            unzip(zip, staging);
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
                log.info("Unpacked {} into {} in {} ms", zip.getFileName(), home,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("The cache directory " + home.getParent()
                        + " does not support atomic renames; set P2PBET_CACHE_DIR to a local directory", e);
            } catch (IOException e) {
                // rename(2) onto a non-empty directory fails (ENOTEMPTY, or EEXIST): another JVM finished first,
                // and its tree is as good as ours.
                if (!Files.isRegularFile(jar)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + home, e);
        } finally {
            if (staging != null) {
                EmbeddedKafkaBroker.deleteRecursively(staging);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(zip + " did not contain " + jar.getFileName());
        }
        return jar;
    }

    private static Path runnerZip(String version) {
        String relative = "io/apicurio/" + ARTIFACT + "/" + version + "/" + ARTIFACT + "-" + version + "-all.zip";
        List<Path> candidates = new ArrayList<>();
        setting("p2pbet.apicurio.zip", "P2PBET_APICURIO_ZIP").map(Path::of).ifPresent(candidates::add);
        BuildInfo.mavenLocalRepository().map(repo -> repo.resolve(relative)).ifPresent(candidates::add);
        Optional.ofNullable(System.getProperty("maven.repo.local")).map(repo -> Path.of(repo).resolve(relative))
                .ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(relative));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "The Apicurio Registry runner zip is not in the local Maven repository (looked at " + candidates
                        + "). Fetch it with: ./mvnw dependency:get -Dartifact=io.apicurio:" + ARTIFACT + ":" + version
                        + ":zip:all (or point P2PBET_APICURIO_ZIP at it)"));
    }

    /** Staging directories of JVMs that were killed while unpacking (an hour old: nobody is still writing). */
    private static void removeStaleStagingDirectories(Path home) {
        String prefix = ".unpack-" + home.getFileName() + "-";
        try (Stream<Path> siblings = Files.list(home.getParent())) {
            Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant().isBefore(hourAgo);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(EmbeddedKafkaBroker::deleteRecursively);
        } catch (IOException e) {
            log.debug("Could not look for stale staging directories next to {}", home, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /**
     * {@code P2PBET_CACHE_DIR} / {@code -Dp2pbet.cache.dir}, else {@code $XDG_CACHE_HOME/p2pbet}, else
     * {@code ~/.cache/p2pbet}; a temporary-directory fallback when that cannot be created.
     */
    public static Path cacheDirectory() {
        Path preferred = setting("p2pbet.cache.dir", "P2PBET_CACHE_DIR").map(Path::of)
                .or(() -> Optional.ofNullable(System.getenv("XDG_CACHE_HOME")).filter(s -> !s.isBlank())
                        .map(xdg -> Path.of(xdg, "p2pbet")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "p2pbet"));
        try {
            return Files.createDirectories(preferred);
        } catch (IOException e) {
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "p2pbet-cache-" + System.getProperty("user.name"));
            try {
                return Files.createDirectories(fallback);
            } catch (IOException again) {
                throw new UncheckedIOException("Neither " + preferred + " nor " + fallback + " can be created", again);
            }
        }
    }

    /**
     * The java that runs the registry: {@code P2PBET_APICURIO_JAVA} / {@code -Dp2pbet.apicurio.java} when set, else
     * the java of this JVM (test-infra needs 21+; Apicurio 2.6 on Quarkus 3.15 needs 17+ and runs on 25).
     */
    public static String javaExecutable() {
        return setting("p2pbet.apicurio.java", "P2PBET_APICURIO_JAVA").orElseGet(() -> {
            Path own = Path.of(System.getProperty("java.home"), "bin",
                    System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
            return Files.isExecutable(own) ? own.toString()
                    : ProcessHandle.current().info().command().orElse("java");
        });
    }

    private static String describeJava(String java) {
        boolean own = java.startsWith(System.getProperty("java.home"));
        return own ? "java " + Runtime.version().feature() + " of this JVM" : java;
    }

    private static Path defaultLogFile(int port) {
        Path target = Path.of("target");
        Path directory = Files.isDirectory(target) ? target : cacheDirectory().resolve("logs");
        return directory.resolve("apicurio-registry-" + port + ".log").toAbsolutePath();
    }

    private static Optional<String> setting(String systemProperty, String environmentVariable) {
        return Optional.ofNullable(System.getProperty(systemProperty))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .filter(s -> !s.isBlank());
    }

    private static String tail(Path file, int maxChars) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() <= maxChars ? text : text.substring(text.length() - maxChars);
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    // ------------------------------------------------------------------------------------------------- orphans

    /** Writes down which JVM started which registry, so that a later JVM can stop it if this one gets killed. */
    private static Path recordRun(Process process) {
        ProcessHandle owner = ProcessHandle.current();
        Properties record = new Properties();
        record.setProperty("owner.pid", Long.toString(owner.pid()));
        record.setProperty("owner.start", owner.info().startInstant().map(Instant::toString).orElse(""));
        record.setProperty("child.pid", Long.toString(process.pid()));
        record.setProperty("child.start", process.info().startInstant().map(Instant::toString).orElse(""));
        Path file = runDirectory().resolve("apicurio-" + process.pid() + ".properties");
        try (var out = Files.newOutputStream(file)) {
            record.store(out, "Apicurio Registry started by test-infra");
        } catch (IOException e) {
            log.debug("Could not record the registry process in {}", file, e);
        }
        return file;
    }

    /**
     * Stops registries whose starting JVM is gone (it was killed before its shutdown hook could run). Only a process
     * whose pid <em>and</em> start time match what its owner wrote down is touched.
     */
    private static void reapOrphans() {
        try (Stream<Path> files = Files.list(runDirectory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".properties")).toList()) {
                Properties record = new Properties();
                try (var in = Files.newInputStream(file)) {
                    record.load(in);
                } catch (IOException e) {
                    continue;
                }
                if (isAlive(record.getProperty("owner.pid"), record.getProperty("owner.start"))) {
                    continue;
                }
                Optional<ProcessHandle> child = matching(record.getProperty("child.pid"), record.getProperty("child.start"));
                child.ifPresent(orphan -> {
                    log.warn("Stopping an Apicurio Registry (pid {}) left running by a JVM that is gone", orphan.pid());
                    stopProcessTree(orphan, Duration.ofSeconds(10));
                });
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not look for orphaned registries", e);
        }
    }

    private static boolean isAlive(String pid, String start) {
        return matching(pid, start).isPresent();
    }

    private static Optional<ProcessHandle> matching(String pid, String start) {
        if (pid == null || start == null || start.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(Instant::toString).map(start::equals).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path runDirectory() {
        try {
            return Files.createDirectories(cacheDirectory().resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry process ended before it was ready. */
    private static final class ExitedEarly extends IllegalStateException {
        ExitedEarly(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------------------------ class-data sharing

    /**
     * A dynamic CDS archive of the registry's classes, one per java executable. The first JVM to find it missing
     * (and to get the lock) lets its registry dump it at exit into a temporary file, renamed into place afterwards;
     * others run without it meanwhile. Later registries map it read-only.
     */
    private static class CdsArchive {

        static final CdsArchive NONE = new CdsArchive(List.of(), null, null, null, null);

        private final List<String> options;
        private final Path archive;
        private final Path pending;
        private final FileChannel lockChannel;
        private final FileLock lock;

        CdsArchive(List<String> options, Path archive, Path pending, FileChannel lockChannel, FileLock lock) {
            this.options = options;
            this.archive = archive;
            this.pending = pending;
            this.lockChannel = lockChannel;
            this.lock = lock;
        }

        static CdsArchive prepare(String java) {
            try {
                Path javaPath = Path.of(java).toRealPath();
                Path modules = javaPath.getParent().resolveSibling("lib").resolve("modules");
                String key = Integer.toHexString((javaPath + "|" + BuildInfo.apicurioVersion()).hashCode());
                Path archive = cacheDirectory().resolve("cds").resolve("apicurio-registry-" + key + ".jsa");
                Files.createDirectories(archive.getParent());
                boolean fresh = Files.isRegularFile(archive) && Files.size(archive) > 0
                        && (!Files.exists(modules)
                        || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(modules)) > 0);
                if (fresh) {
                    return new CdsArchive(List.of("-XX:SharedArchiveFile=" + archive),
                            archive, null, null, null);
                }
                FileChannel channel = FileChannel.open(archive.resolveSibling(archive.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    return NONE;
                }
                Path pending = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                Files.deleteIfExists(pending);
                return new CdsArchive(List.of("-XX:ArchiveClassesAtExit=" + pending),
                        archive, pending, channel, lock);
            } catch (IOException | RuntimeException e) {
                log.debug("No class-data sharing for the registry", e);
                return NONE;
            }
        }

        List<String> options() {
            return options;
        }

        boolean used() {
            return !options.isEmpty();
        }

        boolean dumping() {
            return pending != null;
        }

        /** After the registry exited: move its dump into place if it exited normally, release the lock. */
        void finish(boolean exitedNormally) {
            if (pending != null) {
                try {
                    if (exitedNormally && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                        Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.deleteIfExists(pending);
                    }
                } catch (IOException e) {
                    log.debug("Could not keep the CDS archive {}", pending, e);
                }
            }
            release();
        }

        void release() {
            try {
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
                if (lockChannel != null) {
                    lockChannel.close();
                }
            } catch (IOException e) {
                log.debug("Could not release the CDS lock", e);
            }
        }

        void discard() {
            try {
                if (archive != null) {
                    Files.deleteIfExists(archive);
                }
                if (pending != null) {
                    Files.deleteIfExists(pending);
                }
            } catch (IOException e) {
                log.debug("Could not delete the CDS archive", e);
            }
        }
    }
}
