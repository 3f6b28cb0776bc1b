package io.newswire.bench;

import java.lang.ref.Reference;
import java.util.Locale;
import java.util.function.Supplier;

import org.openjdk.jol.info.GraphLayout;

import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.enrich.EntityFinder;
import io.newswire.streams.enrich.OpenNlpLanguageDetector;
import io.newswire.streams.enrich.TopicLexicon;

/**
 * Prints the heap an {@link Enricher} holds (models and lists), in MB, two ways: the retained size of its object
 * graph by JOL ({@code GraphLayout.parseInstance(enricher).totalSize()}), and, as a cross-check, the used heap
 * after {@code System.gc()} before and after {@code Enricher.create}. Then the same for its parts (language model,
 * entity gazetteers, topic lexicon), each loaded on its own. Run:
 * {@code java -cp bench/target/benchmarks.jar io.newswire.bench.EnricherFootprint}.
 */
public final class EnricherFootprint {

    private static final double MB = 1024.0 * 1024.0;

    private EnricherFootprint() {
    }

    public static void main(final String[] args) {
        // Java 17 refuses Unsafe field offsets of records (TopicScoring is one) unless JOL may use its fallback, or
        // it gets an Instrumentation by -Djdk.attach.allowAttachSelf=true; the sizes are the same either way.
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
        System.out.println("| what | JOL retained MB | used heap delta MB | objects |");
        System.out.println("|---|---|---|---|");
        // The whole enricher first, in a fresh heap: the parts loaded later would otherwise blur the heap delta.
        measure("Enricher (defaults)", () -> Enricher.create(EnrichmentSettings.defaults()));
        measure("language model (OpenNLP langdetect-183)",
                () -> OpenNlpLanguageDetector.fromClasspath(EnrichmentSettings.DEFAULT_LANGUAGE_MAX_CHARS));
        measure("entities (countries, organizations, places, titles)", EntityFinder::load);
        measure("topic lexicon (bundled)", TopicLexicon::bundled);
    }

    private static void measure(final String what, final Supplier<Object> load) {
        final long before = usedHeap();
        final Object loaded = load.get();
        final long after = usedHeap();
        final GraphLayout layout = GraphLayout.parseInstance(loaded);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %,d |%n", what, layout.totalSize() / MB,
                (after - before) / MB, layout.totalCount());
        // Keeps the object reachable until both measurements are done, whatever the JIT concludes.
        Reference.reachabilityFence(loaded);
    }

    /** Used heap once collections stop freeing anything (a few rounds: one System.gc() may leave garbage). */
    private static long usedHeap() {
        final Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            final long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
