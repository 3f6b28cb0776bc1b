package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.WireItem;

/**
 * The stateless enrich stage: a normalized {@link WireItem} in, its {@link Enrichment} (language, speakers,
 * entities, topics) out.
 *
 * <p>{@link #create} loads the language model, the gazetteers and the topic lexicon once (about a second);
 * afterwards the instance is immutable and thread-safe, so one instance is shared by every stream thread and by
 * {@code newswire enrich}, and {@link #enrich} is a deterministic function of the item alone.
 */
public final class Enricher {

    private final LanguageDetector languages;
    private final EntityFinder entities;
    private final TopicClassifier topics;

    Enricher(final LanguageDetector languages, final EntityFinder entities, final TopicClassifier topics) {
        this.languages = languages;
        this.entities = entities;
        this.topics = topics;
    }

    /** Loads what the settings name; fails with a message naming the file when a lexicon cannot be read. */
    public static Enricher create(final EnrichmentSettings settings) {
        final LanguageDetector detector = new ScriptLanguageDetector(new ThresholdLanguageDetector(
                OpenNlpLanguageDetector.fromClasspath(settings.languageMaxChars()),
                settings.minLanguageLetters(), settings.minLanguageConfidence()));
        final TopicLexicon lexicon = settings.topicLexicon().map(TopicLexicon::fromFile)
                .orElseGet(TopicLexicon::bundled);
        final List<TopicModel> models = new ArrayList<>();
        final TopicModel english = TopicModel.bundled("en");
        if (english != null) {
            models.add(english);
        }
        settings.topicModel().map(TopicModel::fromFile).ifPresent(models::add);
        final TopicClassifier classifier = new TopicClassifier(lexicon, TopicScoring.DEFAULT,
                settings.topicThreshold(), models);
        return new Enricher(detector, EntityFinder.load(), settings.topicEmbedding()
                ? classifier.withSecondStage("zh", TopicEmbedding.lazily(TopicEmbedding::chinese)) : classifier);
    }

    /** The enrichment of one item. */
    public Enrichment enrich(final WireItem item) {
        final String text = ItemText.of(item);
        final DetectedLanguage language = languages.detect(text);
        final List<String> speakers = Speakers.of(item);
        // One tokenization for entities (dateline and text) and topics (the text's words only).
        final String all = EntityFinder.withDateline(item, text);
        final List<Token> words = Token.of(all);
        final int datelineWords = all.length() == text.length() ? 0 : Token.of(item.getDateline().getPlace()).size();
        return new Enrichment(language.language(), language.confidence(), speakers,
                entities.find(all, words, speakers, language.language()),
                topics.classify(language.language(), item.getTitle(), text, Token.of(item.getTitle()),
                        words.subList(datelineWords, words.size())));
    }
}
