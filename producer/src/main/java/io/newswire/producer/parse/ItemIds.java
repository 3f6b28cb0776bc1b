package io.newswire.producer.parse;

/** The id of an item whose input carries none: {@code sha256:} and its content hash, stable across re-sends. */
final class ItemIds {

    static final String CONTENT_PREFIX = "sha256:";

    private ItemIds() {
    }

    static String fromContentHash(final String contentHash) {
        return CONTENT_PREFIX + contentHash;
    }
}
