package io.newswire.producer;

import io.newswire.producer.source.Rejection;

/**
 * What reading one input gave.
 *
 * @param name          the input's name
 * @param items         items parsed
 * @param rejectedLines .jsonl lines rejected
 * @param rejection     the rejection of the whole file, or null when it was read
 */
public record FileResult(String name, long items, long rejectedLines, Rejection rejection) {

    /** True when the whole file was rejected. */
    public boolean rejected() {
        return rejection != null;
    }
}
