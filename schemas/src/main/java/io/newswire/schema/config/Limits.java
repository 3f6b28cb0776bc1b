package io.newswire.schema.config;

/**
 * Size limits shared by the producer, the topology and topic creation, so they agree on what fits in a record.
 */
public final class Limits {

    /** max.message.bytes of newswire's topics and max.request.size of its producers. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /**
     * Largest input item accepted (a .txt file or a .jsonl line). An enriched item carries its text about twice
     * (body and turns) plus entities, so this leaves room under {@link #MAX_MESSAGE_BYTES}.
     */
    public static final long MAX_ITEM_BYTES = 4L * 1024 * 1024;

    private Limits() {
    }
}
