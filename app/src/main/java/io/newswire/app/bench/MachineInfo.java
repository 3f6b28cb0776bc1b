package io.newswire.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a bench ran on, for its report: cores, CPU model, OS, Java, heap, and the load average. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** E.g. "2 cores (AMD EPYC), Linux 6.1 (amd64), Java 17.0.15, max heap 1,024 MiB". */
    public static String describe() {
        final Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores%s, %s %s (%s), Java %s, max heap %,d MiB",
            runtime.availableProcessors(), cpuModel(), System.getProperty("os.name"),
            System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
            runtime.maxMemory() / (1024 * 1024));
    }

    /** The system load average over the last minute, or -1 where the OS does not tell. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
                .findFirst().orElse("");
        } catch (final IOException | RuntimeException e) {
            return "";
        }
    }
}
