package io.newswire.streams.enrich;

/**
 * How often one lexicon term occurs in an item: the raw material of a topic score.
 *
 * @param topic       the term's topic
 * @param weight      the term's weight in the lexicon
 * @param inText      occurrences in the whole text (title included)
 * @param inTitle     occurrences in the title
 */
public record TermHits(String topic, double weight, int inText, int inTitle) {
}
