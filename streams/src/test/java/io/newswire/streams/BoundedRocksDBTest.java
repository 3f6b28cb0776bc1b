package io.newswire.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDBTest {

    @Test
    void shouldGiveEveryStoreTheSameBlockCacheAndWriteBufferManager() {
        RocksDB.loadLibrary();
        final BoundedRocksDB setter = new BoundedRocksDB();
        try (Options first = withTable(); Options second = withTable()) {
            setter.setConfig("dedup-pending", first, Map.of());
            setter.setConfig("dedup-postings", second, Map.of());

            final BlockBasedTableConfig a = (BlockBasedTableConfig) first.tableFormatConfig();
            final BlockBasedTableConfig b = (BlockBasedTableConfig) second.tableFormatConfig();
            assertThat(a.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(a.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(a.blockSize()).isEqualTo(16 * 1024);
            assertThat(b.blockSize()).isEqualTo(16 * 1024);
            assertThat(first.writeBufferManager()).as("one manager for all stores").isNotNull()
                .isSameAs(second.writeBufferManager());
        }
    }

    @Test
    void shouldReadTheBudgetFromTheStreamsConfigOrDefaultTo64MiB() {
        assertThat(BoundedRocksDB.memoryOf(Map.of())).isEqualTo(64L * 1024 * 1024);
        assertThat(BoundedRocksDB.memoryOf(Map.of(BoundedRocksDB.MEMORY_CONFIG, " 268435456 ")))
            .isEqualTo(256L * 1024 * 1024);
        assertThatThrownBy(() -> BoundedRocksDB.memoryOf(Map.of(BoundedRocksDB.MEMORY_CONFIG, "256m")))
            .hasMessageContaining("rocksdb.memory.bytes").hasMessageContaining("256m");
        assertThatThrownBy(() -> BoundedRocksDB.memoryOf(Map.of(BoundedRocksDB.MEMORY_CONFIG, "1000")))
            .hasMessageContaining("at least");
    }

    private static Options withTable() {
        final Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
