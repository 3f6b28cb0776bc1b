package io.newswire.bench;

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

import io.newswire.streams.enrich.DetectedLanguage;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.enrich.LanguageDetector;
import io.newswire.streams.enrich.OpenNlpLanguageDetector;
import io.newswire.streams.enrich.ThresholdLanguageDetector;

/**
 * Language detection of an item's enrichment text by how many characters the detector reads
 * ({@code EnrichmentSettings.languageMaxChars}): what a shorter window saves. Accuracy by window is measured by
 * {@code LanguageDetectorEval} in the streams tests. One thread, average time per item.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LanguageDetectorBenchmark {

    @Param({BenchItems.SEED_IT, BenchItems.EN_4K})
    public String item;

    @Param({"300", "500", "800", "1000", "3000"})
    public int maxChars;

    private LanguageDetector detector;
    private String text;

    @Setup
    public void setUp() {
        detector = new ThresholdLanguageDetector(OpenNlpLanguageDetector.fromClasspath(maxChars),
                EnrichmentSettings.DEFAULT_MIN_LANGUAGE_LETTERS, EnrichmentSettings.DEFAULT_MIN_LANGUAGE_CONFIDENCE);
        text = ItemText.of(BenchItems.normalized(item));
    }

    @Benchmark
    public DetectedLanguage detect() {
        return detector.detect(text);
    }
}
