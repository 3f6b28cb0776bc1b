package io.newswire.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import com.sun.management.OperatingSystemMXBean;

/**
 * A JMH profiler ({@code -prof io.newswire.bench.CpuTimeProfiler}) that reports CPU time per operation next to
 * the wall-clock score: {@code ·cpu.worker} (the benchmark threads only) and {@code ·cpu.process} (the whole
 * benchmark JVM, GC and JIT included), in µs/op.
 *
 * <p>Why: this project builds and benchmarks on a 2-core machine shared with other builds; when they run, the
 * wall-clock score swells by the time the benchmark thread waits for a core, while its CPU time barely moves.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private static final String WORKER_THREAD = "jmh-worker";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long workerCpuBefore;
    private long processCpuBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation: benchmark threads (cpu.worker) and the whole JVM (cpu.process)";
    }

    @Override
    public void beforeIteration(final BenchmarkParams benchmarkParams, final IterationParams iterationParams) {
        workerCpuBefore = workerCpuNanos();
        processCpuBefore = processCpuNanos();
    }

    @Override
    public List<? extends Result> afterIteration(final BenchmarkParams benchmarkParams,
                                                 final IterationParams iterationParams,
                                                 final IterationResult result) {
        final long worker = workerCpuNanos() - workerCpuBefore;
        final long process = processCpuNanos() - processCpuBefore;
        // Every operation of the iteration, not only the measured window: the CPU time spans all of them.
        final double ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(
                new ScalarResult("cpu.worker", worker / ops / 1000.0, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process / ops / 1000.0, "us/op", AggregationPolicy.AVG));
    }

    /** JMH runs a benchmark in its own pool's threads; they are found by name, as the profiler is not told them. */
    private long workerCpuNanos() {
        long total = 0;
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER_THREAD)) {
                final long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
