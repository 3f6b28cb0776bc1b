package io.newswire.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.newswire.schema.Entities;
import io.newswire.schema.TopicScore;
import io.newswire.schema.WireItem;
import io.newswire.streams.enrich.DetectedLanguage;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.enrich.EntityFinder;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.enrich.LanguageDetector;
import io.newswire.streams.enrich.OpenNlpLanguageDetector;
import io.newswire.streams.enrich.Speakers;
import io.newswire.streams.enrich.ThresholdLanguageDetector;
import io.newswire.streams.enrich.TopicClassifier;
import io.newswire.streams.enrich.TopicLexicon;
import io.newswire.streams.enrich.TopicScoring;

/**
 * Each step of {@code Enricher.enrich} on its own, so each owner knows their share of the per-item budget: the
 * item's text, language detection, speakers, entities, topics. The parts are built as {@code Enricher.create} builds
 * them with the default settings; keep the two in step. One thread, average time per item.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EnrichPartsBenchmark {

    @Param({BenchItems.SEED_IT, BenchItems.EN_4K, BenchItems.EN_10K})
    public String item;

    private LanguageDetector languages;
    private EntityFinder entities;
    private TopicClassifier topics;
    private WireItem normalized;
    private String text;
    private List<String> speakers;

    @Setup
    public void setUp() {
        final EnrichmentSettings settings = EnrichmentSettings.defaults();
        languages = new ThresholdLanguageDetector(OpenNlpLanguageDetector.fromClasspath(settings.languageMaxChars()),
                settings.minLanguageLetters(), settings.minLanguageConfidence());
        entities = EntityFinder.load();
        topics = new TopicClassifier(TopicLexicon.bundled(), TopicScoring.DEFAULT, settings.topicThreshold());
        normalized = BenchItems.normalized(item);
        text = ItemText.of(normalized);
        speakers = Speakers.of(normalized);
    }

    @Benchmark
    public String itemText() {
        return ItemText.of(normalized);
    }

    @Benchmark
    public DetectedLanguage language() {
        return languages.detect(text);
    }

    @Benchmark
    public List<String> speakers() {
        return Speakers.of(normalized);
    }

    @Benchmark
    public Entities entities() {
        return entities.find(normalized, text, speakers);
    }

    @Benchmark
    public List<TopicScore> topics() {
        return topics.classify(normalized.getTitle(), text);
    }
}
