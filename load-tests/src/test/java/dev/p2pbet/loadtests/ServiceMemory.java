package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.PlatformStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Each service's peak resident memory, from Linux's own account of its process ({@code VmHWM}). */
final class ServiceMemory {

    private ServiceMemory() {
    }

    /** module -> peak RSS in KiB, for every service whose JVM runs from the stack's jar copies. */
    static Map<String, Long> peakRssKib(PlatformStack stack) {
        Map<String, Long> peaks = new LinkedHashMap<>();
        String jars = stack.stateDir().resolve("jars").toString();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (!cmdline.contains(jars)) {
                        continue;
                    }
                    for (String module : stack.modules()) {
                        if (cmdline.contains(jars + "/" + module)) {
                            peaks.put(module, vmHwm(process));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return peaks;
        }
        return peaks;
    }

    private static long vmHwm(Path process) throws IOException {
        for (String line : Files.readAllLines(process.resolve("status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
