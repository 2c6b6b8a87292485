package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.PlatformStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The stack's service processes, found the way an operator would: by the jar on their command line. */
final class ServiceProcesses {

    private ServiceProcesses() {
    }

    /** module -> pid of every service whose JVM runs from the stack's jar copies. */
    static Map<String, Long> pids(PlatformStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        String jars = stack.stateDir().resolve("jars").toString();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    stack.modules().stream().filter(module -> cmdline.contains(jars + "/" + module))
                            .forEach(module -> pids.put(module, Long.parseLong(process.getFileName().toString())));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }
}
