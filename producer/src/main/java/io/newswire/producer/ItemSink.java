package io.newswire.producer;

import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;

/**
 * Receives what {@link InputReader} read: each wire item, each rejected file or line, and the end of each file.
 * The producer's sink publishes to Kafka; {@code newswire enrich} and tests collect in memory.
 */
public interface ItemSink {

    void item(WireItem item);

    void rejected(Rejection rejection);

    /** Called after each input file, once its items and rejections were handed over. */
    default void fileDone(final FileResult result) {
    }
}
