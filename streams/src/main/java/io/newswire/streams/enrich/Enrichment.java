package io.newswire.streams.enrich;

import java.util.List;

import io.newswire.schema.Entities;
import io.newswire.schema.TopicScore;

/**
 * What the enrich stage found in one item: its language, its speakers, the entities and the topics (strongest
 * first, only those at or above the threshold). Immutable.
 *
 * @param language           ISO 639-1 code, or null when the text is too short or the detector unsure
 * @param languageConfidence the detector's confidence, 0..1 (0 when {@code language} is null)
 * @param speakers           distinct turn speakers as written, in order of first appearance
 * @param entities           persons, countries (ISO 3166-1 alpha-2), organizations and places
 * @param topics             topic scores at or above the threshold, strongest first
 */
public record Enrichment(String language, double languageConfidence, List<String> speakers, Entities entities,
                         List<TopicScore> topics) {

    public Enrichment {
        speakers = List.copyOf(speakers);
        topics = List.copyOf(topics);
    }
}
