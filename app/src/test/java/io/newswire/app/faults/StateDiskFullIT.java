package io.newswire.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.newswire.app.pipeline.DeliveryReport;
import io.newswire.app.pipeline.DeliveryVerifier;
import io.newswire.app.pipeline.TestInputs;
import io.newswire.broker.testing.SharedKafka;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newswire streams} with its state directory on a small tmpfs that fills while items flow: it must stop by
 * itself with a non-zero exit and one message naming the state directory and what to do, commit nothing more, and,
 * once space is freed and it is restarted on the same directory, bring every input out exactly once.
 */
class StateDiskFullIT {

    /**
     * Items enough that most are still to come when the disk fills, so that what the stopped instance had not
     * committed must come out after the restart.
     */
    private static final int ITEMS = 2_500;
    private static final int RATE = 200;
    private static final String TMPFS_SIZE = "16m";
    private static final String FREED_SIZE = "64m";

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldStopWithAClearMessageWhenTheStateDiskIsFullAndLoseNothingAfterSpaceIsFreed() throws Exception {
        final Path mount = temp.resolve("state-disk");
        Files.createDirectories(mount);
        final String mounted = run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", mount.toString());
        Assumptions.assumeTrue(mounted.isEmpty(), () -> "cannot mount a tmpfs for the state directory (needs root "
            + "or CAP_SYS_ADMIN): " + mounted);
        try {
            diskFullThenRecovered(mount);
        } finally {
            final String unmounted = run("umount", mount.toString());
            if (!unmounted.isEmpty()) {
                // A child that is still going keeps the mount busy; detach it so the test leaves no mount behind.
                run("umount", "-l", mount.toString());
            }
        }
    }

    private void diskFullThenRecovered(final Path mount) throws Exception {
        final Path stateDir = mount.resolve("state");
        final Path filler = mount.resolve("filler");
        final Properties pipeline = TestInputs.isolatedTopics();
        pipeline.setProperty("group.instance.id", "disk-full-test");
        final Properties child = FaultRig.childSettings(pipeline, stateDir);
        // The smallest RocksDB budget newswire takes (1 MiB, half of it memtables): the stores flush SST files while
        // items flow, as a large window does in production, instead of holding a short run in memory until closed.
        child.setProperty("rocksdb.memory.bytes", "1048576");
        final String servers = SharedKafka.bootstrapServers();
        try (FaultRig rig = new FaultRig(servers, child, temp);
             WireFeed feed = WireFeed.of(ITEMS, servers, rig.config(), "diskfull").start(RATE);
             NewswireProcess streams = NewswireProcess.start("streams", FaultRig.logFile(getClass(), "streams"),
                 FaultRig.streamsArgs(servers, rig.configFile()).toArray(String[]::new))) {
            // Early enough that most items are still to come when the disk fills, so the stores must write again.
            Awaitility.await("the first outputs").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> rig.committedOutputs() >= 200 || !streams.isAlive());
            // A small disk can fill by itself before the filler; either way the state directory is now full.
            final boolean filledByItself = !streams.isAlive();
            // The file system's own count, beside the files' lengths (newswire turns RocksDB's preallocation off).
            final FileStore disk = Files.getFileStore(mount);
            final long used = disk.getTotalSpace() - disk.getUsableSpace();
            final long filledAt = System.nanoTime();
            final long fill = fillUp(filler);
            System.out.printf("StateDiskFullIT: filled the %s tmpfs%s: the state dir used %d KB (files %d KB long), "
                + "a filler took the last %d KB; %d outputs committed%n", TMPFS_SIZE,
                filledByItself ? " (by itself, before the filler)" : "", used / 1024, length(stateDir) / 1024,
                fill / 1024, rig.committedOutputs());

            // The disk stays full, as when another process fills it: whatever space RocksDB frees (files a compaction
            // replaced) is taken again. The stores write files only when their memtables fill or Kafka Streams
            // checkpoints (under exactly-once, every 10,000 changelog records), so a short run may never write
            // again soon: then the instance is killed and started again on the full disk, as a supervisor would
            // restart it, and opening its stores must write (a new MANIFEST and OPTIONS file per store).
            boolean stoppedWhileRunning = true;
            try {
                Awaitility.await("newswire streams to stop on the full disk").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).until(() -> fillUp(filler) >= 0 && !streams.isAlive());
            } catch (final ConditionTimeoutException stillRunning) {
                stoppedWhileRunning = false;
                streams.kill9();
                fillUp(filler);
                streams.restart();
                Awaitility.await("newswire streams to stop when started on the full disk")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> fillUp(filler) >= 0 && !streams.isAlive());
            }
            final int exit = streams.awaitExit(5);
            System.out.printf("StateDiskFullIT: exit %d %.1f s after the disk filled (%s)%n", exit,
                (System.nanoTime() - filledAt) / 1e9, stoppedWhileRunning ? "while processing"
                    : "still running 10 s after the fill, so killed and started again on the full disk");
            final String output = streams.output();
            final String lastStart = output.substring(output.lastIndexOf("---- start"));
            assertThat(exit).as(output).isPositive();
            assertThat(diskFullLines(lastStart)).as(lastStart).hasSize(1);
            final long committedAfterExit = rig.committedOutputs();

            Files.delete(filler);
            // The stores went on growing until the disk filled, so the filler alone may free too little: give the
            // restarted topology room to restore and finish, as an operator moving to a larger disk would.
            final String grown = run("mount", "-o", "remount,size=" + FREED_SIZE, mount.toString());
            assertThat(grown).isEmpty();
            final long freedAt = System.nanoTime();
            streams.restart();
            Awaitility.await("outputs after space was freed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> rig.committedOutputs() > committedAfterExit || !streams.isAlive());
            final double recovery = (System.nanoTime() - freedAt) / 1e9;
            assertThat(feed.awaitPublished(60).allPublished()).isTrue();
            Awaitility.await("every input accounted for").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> rig.accounted(feed.runId()) >= ITEMS || !streams.isAlive());
            // 143 is the JVM's exit status after SIGTERM, once its shutdown hook has closed the topology.
            assertThat(streams.terminate()).as(streams.output()).isIn(0, 143);

            final DeliveryReport report = new DeliveryVerifier(rig.kafka(), rig.config(),
                SharedKafka.broker().storageDirectory()).verify(feed.runId(), Duration.ofSeconds(30));
            System.out.println("StateDiskFullIT: " + report.line());
            System.out.printf("StateDiskFullIT: %.1f s from freeing space to the next committed output%n", recovery);
            System.out.println("StateDiskFullIT: the message: " + diskFullLines(lastStart));

            assertThat(diskFullLines(lastStart).get(0)).contains(stateDir.toString(), "No space left on device",
                "state.dir", "restart");
            assertThat(rig.deadLetters(feed.runId())).as("valid items dead-lettered because the disk was full")
                .isZero();
            assertThat(report.examples()).as(report.line()).isEmpty();
            assertThat(report.inputs()).isEqualTo(ITEMS);
            assertThat(report.holds()).as(report.line()).isTrue();
            assertThat(report.abortedVisible()).isZero();
        }
    }

    /** The lines a person reads about the full disk: the console's note, apart from the log's copy of it. */
    private static List<String> diskFullLines(final String output) {
        return output.lines().filter(line -> line.startsWith("newswire: ") && line.contains(" is full ")).toList();
    }

    /** Appends to {@code filler} until the file system has no room left; returns how many bytes it took. */
    private static long fillUp(final Path filler) {
        final byte[] block = new byte[4 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (final IOException full) {
            // ENOSPC is the point: the disk is now full.
            return written;
        }
    }

    private static long length(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    /** Runs a system command; returns its output when it fails, else an empty string. */
    private static String run(final String... command) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish in 30 s";
        }
        return process.exitValue() == 0 ? "" : String.join(" ", command) + " exited " + process.exitValue() + ": "
            + output;
    }
}
