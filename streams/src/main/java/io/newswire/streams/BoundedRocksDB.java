package io.newswire.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store in the JVM, as Kafka Streams' memory management guide shows: one
 * block cache shared by all stores, their memtables counted against it (a {@link WriteBufferManager}), index and
 * filter blocks inside it. Without it each RocksDB instance (and a windowed store is several, one per segment) takes
 * up to 3 × 16 MiB of memtables and a 50 MiB block cache of its own.
 *
 * <p>The total is {@value #MEMORY_CONFIG} (bytes, default {@value #DEFAULT_MEMORY} = 64 MiB), of which half at most
 * for memtables; set it with the other Kafka settings (a key without the {@code newswire.} prefix in the config file,
 * or {@code NEWSWIRE_KAFKA_ROCKSDB_MEMORY_BYTES}). The first store opened in the JVM fixes it. A store that holds a
 * large dedup window (millions of items) reads faster with more.
 *
 * <p>The cache is static on purpose, against this project's rule: Kafka Streams makes a setter per store from its class
 * name, so a budget shared by all stores can only live in the class, as in Kafka's own guide.
 */
public final class BoundedRocksDB implements RocksDBConfigSetter {

    public static final String MEMORY_CONFIG = "rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY = 64L * 1024 * 1024;
    private static final long BLOCK_SIZE = 16L * 1024;
    private static final double INDEX_FILTER_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(final String storeName, final Options options, final Map<String, Object> configs) {
        final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedRocksDB.class) {
            if (cache == null) {
                final long total = memoryOf(configs);
                cache = new LRUCache(total, -1, false, INDEX_FILTER_SHARE);
                writeBuffers = new WriteBufferManager(total / 2, cache);
            }
            table.setBlockCache(cache);
            options.setWriteBufferManager(writeBuffers);
        }
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        options.setTableFormatConfig(table);
        // No preallocation: RocksDB reserves room ahead of each file it writes (MANIFEST 4 MiB, SST files the size of
        // a write buffer), so a state directory holding 2.9 MB of files took 14.7 MB of its disk (StateDiskFullIT).
        // Without it the disk use is the data, a state volume can be sized from the bench's state-per-item figure,
        // and a full disk shows when the data no longer fits, not some time later.
        options.setAllowFAllocate(false);
    }

    @Override
    public void close(final String storeName, final Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM: never closed here.
    }

    static long memoryOf(final Map<String, Object> configs) {
        final Object value = configs.get(MEMORY_CONFIG);
        if (value == null) {
            return DEFAULT_MEMORY;
        }
        try {
            final long bytes = Long.parseLong(value.toString().trim());
            if (bytes < 1024 * 1024) {
                throw new IllegalArgumentException(MEMORY_CONFIG + " must be at least 1048576 bytes, was " + value);
            }
            return bytes;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_CONFIG + " must be a number of bytes, was '" + value + "'", e);
        }
    }
}
