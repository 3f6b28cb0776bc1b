package io.newswire.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Peak memory of the process since the last {@link #reset()}: heap as the sum of the heap pools' peak usage (an upper
 * bound: the pools peak at different moments), and resident set size as Linux's high-water mark {@code VmHWM}, reset
 * by writing 5 to {@code /proc/self/clear_refs}. Where that cannot be done the RSS peak is unknown, never a guess.
 */
final class MemoryMeter {

    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final Path STATUS = Path.of("/proc/self/status");

    private boolean rssReset;

    /** Forgets the peaks so far. */
    void reset() {
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            rssReset = true;
        } catch (final IOException | SecurityException | UnsupportedOperationException e) {
            rssReset = false;
        }
    }

    /** Bytes: the sum of the heap pools' peaks since the reset. */
    long peakHeapBytes() {
        long total = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    /** Bytes: the resident set's high-water mark since the reset; empty where it cannot be reset or read. */
    OptionalLong peakRssBytes() {
        if (!rssReset) {
            return OptionalLong.empty();
        }
        try {
            for (final String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    final String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (final IOException | NumberFormatException e) {
            // Unknown, reported as n/a.
        }
        return OptionalLong.empty();
    }
}
