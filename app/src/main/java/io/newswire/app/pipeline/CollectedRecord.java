package io.newswire.app.pipeline;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record read from an output topic.
 *
 * @param topic  the topic it was read from
 * @param key    its key (the item id)
 * @param trace  its trace header, or null
 * @param value  the decoded value (EnrichedItem, DedupDecision or DeadLetter)
 */
public record CollectedRecord(String topic, String key, String trace, SpecificRecord value) {
}
