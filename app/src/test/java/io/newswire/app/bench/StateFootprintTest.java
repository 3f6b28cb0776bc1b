package io.newswire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka Streams' state folder layout: state.dir/app/task/store/… (window stores), task/rocksdb/store/… (key-value). */
class StateFootprintTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldSumEachStoreOverTasksAndCountTaskFilesApart() throws IOException {
        file("app/0_0/bands/bands.1700000/000012.sst", 100);
        file("app/0_1/bands/bands.1700000/000013.sst", 50);
        file("app/0_1/rocksdb/pending/000009.sst", 30);
        file("app/0_1/rocksdb/pending/LOG", 7);
        file("app/0_1/.checkpoint", 3);
        file("app/kafka-streams-process-metadata", 2);
        file("other-app/0_0/rocksdb/pending/000001.sst", 1000);

        assertThat(StateFootprint.measure(stateDir, "app")).containsOnly(
            org.assertj.core.api.Assertions.entry("bands", 150L),
            org.assertj.core.api.Assertions.entry("pending", 37L),
            org.assertj.core.api.Assertions.entry(StateFootprint.OTHER, 5L));
    }

    @Test
    void shouldMeasureNothingForAnApplicationWithoutState() {
        assertThat(StateFootprint.measure(stateDir, "stateless")).isEmpty();
    }

    private void file(final String relative, final int bytes) throws IOException {
        final Path file = stateDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}
