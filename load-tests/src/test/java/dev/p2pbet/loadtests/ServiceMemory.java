package dev.p2pbet.loadtests;

import dev.p2pbet.localstack.PlatformStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each service's peak resident memory, from Linux's own account of its process ({@code VmHWM}). */
final class ServiceMemory {

    private ServiceMemory() {
    }

    /** module -> peak RSS in KiB, for every service of the stack. */
    static Map<String, Long> peakRssKib(PlatformStack stack) {
        Map<String, Long> peaks = new LinkedHashMap<>();
        ServiceProcesses.pids(stack).forEach((module, pid) -> {
            try {
                peaks.put(module, vmHwm(Path.of("/proc", String.valueOf(pid))));
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        });
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
