package io.newswire.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used so far by the whole process ({@code com.sun.management.OperatingSystemMXBean}: every thread, the
 * embedded broker's, the producer's, the readers', GC and JIT included) and by the stream threads of one Kafka
 * Streams instance (ThreadMXBean, threads named {@code <client id>-StreamThread-<n>}). A thread's time is readable
 * only while it lives: sample before the instance is closed.
 */
final class CpuMeter {

    /** CPU nanoseconds of the process and of the stream threads. */
    record Sample(long processNanos, long streamThreadNanos) {

        Sample minus(final Sample earlier) {
            return new Sample(processNanos - earlier.processNanos, streamThreadNanos - earlier.streamThreadNanos);
        }
    }

    private CpuMeter() {
    }

    /** Now, for the stream threads of the instance whose client id is {@code clientId}. */
    static Sample sample(final String clientId) {
        final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        return new Sample(os.getProcessCpuTime(), streamThreadNanos(clientId));
    }

    private static long streamThreadNanos(final String clientId) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        long total = 0;
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(clientId + "-StreamThread-")) {
                final long nanos = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, nanos);
            }
        }
        return total;
    }
}
