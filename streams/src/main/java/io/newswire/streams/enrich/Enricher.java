package io.newswire.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswire.schema.TopicScore;
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

    private static final Logger LOG = LoggerFactory.getLogger(Enricher.class);

    private final LanguageDetector languages;
    private final EntityFinder entities;
    private final TopicClassifier topics;
    /** The second stage for the items of its language the first gives no topic; null without one. */
    private final Supplier<TopicEmbedding> secondStage;
    private final String secondStageLanguage;
    private final double threshold;

    Enricher(final LanguageDetector languages, final EntityFinder entities, final TopicClassifier topics) {
        this(languages, entities, topics, null, null, 1.0);
    }

    Enricher(final LanguageDetector languages, final EntityFinder entities, final TopicClassifier topics,
             final String secondStageLanguage, final Supplier<TopicEmbedding> secondStage, final double threshold) {
        this.languages = languages;
        this.entities = entities;
        this.topics = topics;
        this.secondStageLanguage = secondStageLanguage;
        this.secondStage = secondStage;
        this.threshold = threshold;
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
        return settings.topicEmbedding()
                ? new Enricher(detector, EntityFinder.load(), classifier, "zh", lazily(TopicEmbedding::chinese),
                        settings.topicThreshold())
                : new Enricher(detector, EntityFinder.load(), classifier);
    }

    /**
     * Loads on first use (the model takes a second and native memory that a run without Chinese items never needs).
     * A stage that cannot load (no ONNX Runtime build for this platform, a jar without the model) is logged once and
     * left out, returning null from then on: items keep the first stage's topics, and no item fails for it.
     */
    static Supplier<TopicEmbedding> lazily(final Supplier<TopicEmbedding> loader) {
        return new Supplier<>() {
            private boolean tried;
            private TopicEmbedding loaded;

            @Override
            public synchronized TopicEmbedding get() {
                if (!tried) {
                    tried = true;
                    try {
                        loaded = loader.get();
                    } catch (final RuntimeException | LinkageError e) {
                        LOG.warn("the Chinese second stage of topics cannot load ({}); Chinese items get the lexicon's "
                                + "topics only. Set newswire.enrich.topic.embedding=false to leave it out",
                                e.toString());
                    }
                }
                return loaded;
            }
        };
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
        List<TopicScore> found = topics.classify(language.language(), item.getTitle(), Token.of(item.getTitle()),
                words.subList(datelineWords, words.size()));
        if (found.isEmpty() && secondStage != null && secondStageLanguage.equals(language.language())) {
            final TopicEmbedding stage = secondStage.get();
            if (stage != null) {
                found = stage.topic(text, threshold)
                        .map(topic -> List.of(topics.score(topic.getKey(), topic.getValue()))).orElse(found);
            }
        }
        return new Enrichment(language.language(), language.confidence(), speakers,
                entities.find(all, words, speakers, language.language()), found);
    }
}
