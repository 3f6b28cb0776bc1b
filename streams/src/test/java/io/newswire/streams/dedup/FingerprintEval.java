package io.newswire.streams.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswire.schema.text.TextNormalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Measures the fingerprint on the Kremlin corpus, for {@code FINGERPRINT.md}: CPU time per 4 KB item against the
 * Lucene chain that was tried first ({@link ShingleFilter}, {@link MinHashFilter}), the LSH S-curve of some band
 * layouts, and per shingle size and layout the similarity of edited copies (new title and a paragraph dropped; a
 * correction), estimated and exact, against that of unrelated items of the same day.
 *
 * <p>Usage: {@code FingerprintEval <kremlin-en-dev.jsonl> [speed|quality]} (both when omitted).
 */
public final class FingerprintEval {

    /** One corpus item: what the fingerprint reads (title, lead, paragraphs) and its day, to pair items by day. */
    private record Item(String id, String date, String title, String lead, List<String> paragraphs) {

        List<String> parts() {
            final List<String> parts = new ArrayList<>();
            parts.add(title);
            parts.add(lead);
            parts.addAll(paragraphs);
            return parts;
        }

        int chars() {
            return parts().stream().mapToInt(String::length).sum();
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FingerprintEval() {
    }

    public static void main(final String[] args) throws IOException {
        final List<Item> items = read(Path.of(args[0]));
        final String what = args.length > 1 ? args[1] : "all";
        if (!"quality".equals(what)) {
            speed(items);
        }
        if (!"speed".equals(what)) {
            sCurves();
            quality(items);
        }
    }

    private static void speed(final List<Item> items) {
        final List<String> texts = new ArrayList<>();
        for (final Item item : items) {
            if (item.chars() >= 3500 && item.chars() <= 4500) {
                texts.add(String.join("\n", item.parts()));
            }
        }
        final double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "speed: %d items of 3.5-4.5 KB (mean %.0f chars), one thread%n", texts.size(),
            meanChars);
        final FingerprintSettings settings = FingerprintSettings.defaults();
        final Fingerprinter fingerprinter = new Fingerprinter(settings);
        try (Analyzer words = lucene(1, 0, 0);
             Analyzer shingles = lucene(settings.shingleWords(), 0, 0);
             Analyzer minHash = lucene(settings.shingleWords(), 1, settings.hashes());
             Analyzer perHash = lucene(settings.shingleWords(), settings.hashes(), 1)) {
            final Map<String, ToDoubleFunction<String>> variants = new LinkedHashMap<>();
            variants.put("Fingerprinter.fingerprint (" + settings.hashes() + " buckets)",
                text -> fingerprinter.fingerprint(text).size());
            variants.put("TextNormalizer.key alone", text -> TextNormalizer.key(text).length());
            variants.put("Lucene: key, words", text -> count(words, TextNormalizer.key(text)));
            variants.put("Lucene: key, words, shingles", text -> count(shingles, TextNormalizer.key(text)));
            variants.put("Lucene: key, words, shingles, MinHashFilter (1 hash, " + settings.hashes() + " buckets)",
                text -> count(minHash, TextNormalizer.key(text)));
            variants.put("Lucene: the same, MinHashFilter (" + settings.hashes() + " hashes, 1 bucket)",
                text -> count(perHash, TextNormalizer.key(text)));
            report(texts, variants);
        }
    }

    /**
     * Runs each variant over the texts for 1 s of warm-up, then 7 rounds in which every variant takes its turn, so a
     * change in the machine's load falls on all alike; prints the median µs of this thread's CPU time per text.
     */
    private static void report(final List<String> texts, final Map<String, ToDoubleFunction<String>> variants) {
        double sink = 0;
        for (final ToDoubleFunction<String> work : variants.values()) {
            final long warmUpEnd = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                for (final String text : texts) {
                    sink += work.applyAsDouble(text);
                }
            }
        }
        final int rounds = 7;
        final Map<String, double[]> micros = new LinkedHashMap<>();
        variants.keySet().forEach(name -> micros.put(name, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (final Map.Entry<String, ToDoubleFunction<String>> variant : variants.entrySet()) {
                final long start = THREADS.getCurrentThreadCpuTime();
                for (final String text : texts) {
                    sink += variant.getValue().applyAsDouble(text);
                }
                micros.get(variant.getKey())[round] = (THREADS.getCurrentThreadCpuTime() - start) / 1000.0
                    / texts.size();
            }
        }
        for (final Map.Entry<String, double[]> variant : micros.entrySet()) {
            final double[] sorted = variant.getValue().clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-72s median %8.1f µs/item (min %.1f, max %.1f)%n", variant.getKey(),
                sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
        }
        System.out.println(sink > 0 ? "" : "(nothing was computed)");
    }

    /**
     * The Lucene chain that was tried for {@link Fingerprinter}: {@link StandardTokenizer} words, Han, kana and Hangul
     * as bigrams, shingles of {@code shingleWords} ({@code 1}: words alone), and with {@code hashCount} above 0 a
     * {@link MinHashFilter} of {@code hashCount} hashes times {@code buckets} buckets, one minimum each, empty buckets
     * filled by rotation.
     */
    private static Analyzer lucene(final int shingleWords, final int hashCount, final int buckets) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(final String fieldName) {
                final Tokenizer words = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(words);
                if (shingleWords > 1) {
                    final ShingleFilter shingles = new ShingleFilter(stream, shingleWords, shingleWords);
                    shingles.setOutputUnigrams(false);
                    shingles.setOutputUnigramsIfNoShingles(true);
                    stream = shingles;
                }
                return new TokenStreamComponents(words,
                    hashCount > 0 ? new MinHashFilter(stream, hashCount, buckets, 1, true) : stream);
            }
        };
    }

    private static int count(final Analyzer analyzer, final String text) {
        int tokens = 0;
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            stream.reset();
            while (stream.incrementToken()) {
                tokens++;
            }
            stream.end();
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
        return tokens;
    }

    private static void sCurves() {
        final int[][] layouts = {{16, 4}, {20, 5}, {20, 3}, {22, 3}, {32, 4}, {34, 4}, {25, 5}};
        final double[] jaccards = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        System.out.print("\nS-curve: chance that a pair of Jaccard j shares a band\nbands x rows");
        for (final double j : jaccards) {
            System.out.printf(Locale.ROOT, "  j=%.1f ", j);
        }
        System.out.println();
        for (final int[] layout : layouts) {
            final FingerprintSettings settings = FingerprintSettings.defaults().withBands(layout[0], layout[1]);
            System.out.printf(Locale.ROOT, "%3d x %d    ", layout[0], layout[1]);
            for (final double j : jaccards) {
                System.out.printf(Locale.ROOT, "  %.4f ", settings.candidateProbability(j));
            }
            System.out.println();
        }
    }

    private static void quality(final List<Item> items) {
        final List<Item> edited = new ArrayList<>();
        final List<Item> shortItems = new ArrayList<>();
        for (final Item item : items) {
            final boolean hasNumber = item.paragraphs().stream().anyMatch(p -> p.matches(".*\\d.*"));
            if (item.chars() >= 3000 && item.chars() <= 6000 && item.paragraphs().size() >= 8 && hasNumber) {
                edited.add(item);
            } else if (item.chars() >= 300 && item.chars() <= 900 && hasNumber) {
                shortItems.add(item);
            }
        }
        final List<Item[]> sameDay = sameDayPairs(items);
        System.out.printf(Locale.ROOT, "%nquality: %d items of 3-6 KB with 8+ paragraphs edited, %d items of "
                + "300-900 chars corrected; %d pairs of different items of the same day (1 KB+)%n", edited.size(),
            shortItems.size(), sameDay.size());
        System.out.println("estimate (exact Jaccard); misses: exact at or above the threshold, estimate below it");
        for (final int words : new int[] {2, 3, 4, 5, 6}) {
            for (final int[] layout : new int[][] {{20, 3}, {32, 4}}) {
                final FingerprintSettings settings = FingerprintSettings.defaults().withShingleWords(words)
                    .withBands(layout[0], layout[1]);
                quality(new Fingerprinter(settings), edited, shortItems, items, sameDay);
            }
        }
        mostSimilar(new Fingerprinter(FingerprintSettings.defaults()), sameDay);
    }

    private static void quality(final Fingerprinter fingerprinter, final List<Item> edited,
                                final List<Item> shortItems, final List<Item> all, final List<Item[]> sameDay) {
        final FingerprintSettings settings = fingerprinter.settings();
        final Pairs copies = new Pairs(DedupSettings.DEFAULT_DUPLICATE_SIMILARITY);
        final Pairs corrections = new Pairs(DedupSettings.DEFAULT_UPDATE_SIMILARITY);
        final Pairs shortCorrections = new Pairs(DedupSettings.DEFAULT_DUPLICATE_SIMILARITY);
        for (int i = 0; i < edited.size(); i++) {
            final Item item = edited.get(i);
            copies.add(fingerprinter, item.parts(), retitledWithoutAParagraph(item, all.get((i * 7919) % all.size())
                .title()));
            corrections.add(fingerprinter, item.parts(), corrected(item));
        }
        for (final Item item : shortItems) {
            shortCorrections.add(fingerprinter, item.parts(), corrected(item));
        }
        final Pairs unrelated = new Pairs(0.3);
        for (final Item[] pair : sameDay) {
            unrelated.add(fingerprinter, pair[0].parts(), pair[1].parts());
        }
        System.out.printf(Locale.ROOT, "shingle %d, %2d x %d: copy %s | correction %s | short correction %s | "
                + "same day %s p99 %.3f max %.3f%n", settings.shingleWords(), settings.bands(), settings.rowsPerBand(),
            copies, corrections, shortCorrections, unrelated, unrelated.estimates.quantile(0.99),
            unrelated.estimates.max());
    }

    private static void mostSimilar(final Fingerprinter fingerprinter, final List<Item[]> sameDay) {
        System.out.println("\nmost similar items of the same day, " + fingerprinter.settings());
        final List<Object[]> scored = new ArrayList<>();
        for (final Item[] pair : sameDay) {
            scored.add(new Object[] {fingerprinter.fingerprint(pair[0].parts())
                .similarity(fingerprinter.fingerprint(pair[1].parts())), pair});
        }
        scored.sort((a, b) -> Double.compare((double) b[0], (double) a[0]));
        for (final Object[] score : scored.subList(0, Math.min(8, scored.size()))) {
            final Item[] pair = (Item[]) score[1];
            System.out.printf(Locale.ROOT, "  %.3f (exact %.3f) %s %s \"%s\" | %s \"%s\"%n", (double) score[0],
                jaccard(fingerprinter, pair[0].parts(), pair[1].parts()), pair[0].date(), pair[0].id(),
                pair[0].title(), pair[1].id(), pair[1].title());
        }
    }

    /** A copy sent again: another title, and the middle paragraph cut. */
    private static List<String> retitledWithoutAParagraph(final Item item, final String otherTitle) {
        final List<String> paragraphs = new ArrayList<>(item.paragraphs());
        paragraphs.remove(paragraphs.size() / 2);
        final List<String> parts = new ArrayList<>();
        parts.add(otherTitle);
        parts.add(item.lead());
        parts.addAll(paragraphs);
        return parts;
    }

    /** A correction: in the first paragraph with a number, every digit one higher and three words replaced. */
    private static List<String> corrected(final Item item) {
        final List<String> parts = item.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).matches(".*\\d.*")) {
                final StringBuilder changed = new StringBuilder();
                for (final char c : parts.get(i).toCharArray()) {
                    changed.append(c >= '0' && c <= '9' ? (char) ('0' + (c - '0' + 1) % 10) : c);
                }
                final String[] words = changed.toString().split(" ");
                for (int w = 3; w < words.length && w <= 15; w += 6) {
                    words[w] = "corrected";
                }
                parts.set(i, String.join(" ", words));
                break;
            }
        }
        return parts;
    }

    private static double jaccard(final Fingerprinter fingerprinter, final List<String> a, final List<String> b) {
        final Set<Long> left = hashSet(fingerprinter.shingleHashes(String.join("\n", a)));
        final Set<Long> right = hashSet(fingerprinter.shingleHashes(String.join("\n", b)));
        final Set<Long> union = new HashSet<>(left);
        union.addAll(right);
        left.retainAll(right);
        return union.isEmpty() ? 0.0 : (double) left.size() / union.size();
    }

    private static Set<Long> hashSet(final long[] hashes) {
        final Set<Long> set = new HashSet<>();
        for (final long hash : hashes) {
            set.add(hash);
        }
        return set;
    }

    private static boolean sharesBand(final Fingerprint a, final Fingerprint b) {
        final Set<String> keys = new HashSet<>(a.bandKeys());
        return b.bandKeys().stream().anyMatch(keys::contains);
    }

    private static List<Item[]> sameDayPairs(final List<Item> items) {
        final Map<String, List<Item>> byDay = new LinkedHashMap<>();
        for (final Item item : items) {
            if (!item.date().isEmpty() && item.chars() >= 1000) {
                byDay.computeIfAbsent(item.date(), day -> new ArrayList<>()).add(item);
            }
        }
        final List<Item[]> pairs = new ArrayList<>();
        for (final List<Item> day : byDay.values()) {
            for (int a = 0; a < day.size(); a++) {
                for (int b = a + 1; b < day.size(); b++) {
                    pairs.add(new Item[] {day.get(a), day.get(b)});
                }
            }
        }
        return pairs;
    }

    private static List<Item> read(final Path jsonl) throws IOException {
        final ObjectMapper json = new ObjectMapper();
        final List<Item> items = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    final JsonNode node = json.readTree(line);
                    final List<String> paragraphs = new ArrayList<>();
                    node.path("paragraphs").forEach(p -> paragraphs.add(p.asText()));
                    items.add(new Item(node.path("id").asText(), node.path("date").asText(""),
                        node.path("title").asText(""), node.path("lead").asText(""), paragraphs));
                }
            }
        }
        return items;
    }

    /** Estimated and exact similarities of pairs, and how many shared a band. */
    private static final class Pairs {
        private final double threshold;
        private final Stats estimates = new Stats();
        private final Stats exact = new Stats();
        private final Stats errors = new Stats();
        private int misses;
        private int similar;
        private int similarShared;

        Pairs(final double threshold) {
            this.threshold = threshold;
        }

        void add(final Fingerprinter fingerprinter, final List<String> a, final List<String> b) {
            final Fingerprint left = fingerprinter.fingerprint(a);
            final Fingerprint right = fingerprinter.fingerprint(b);
            final double estimate = left.similarity(right);
            final double jaccard = jaccard(fingerprinter, a, b);
            estimates.add(estimate, sharesBand(left, right));
            exact.add(jaccard, false);
            errors.add(estimate - jaccard, false);
            misses += jaccard >= threshold && estimate < threshold ? 1 : 0;
            if (jaccard >= 0.6) {
                similar++;
                similarShared += sharesBand(left, right) ? 1 : 0;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mean %.3f (%.3f) min %.3f (%.3f), error sd %.3f, misses at %.1f %d, "
                    + "band shared %.2f%% (exact 0.6+: %d of %d)", estimates.mean(), exact.mean(), estimates.min(),
                exact.min(), errors.sd(), threshold, misses, 100 * estimates.shared(), similarShared, similar);
        }
    }

    /** Values and whether each pair shared a band. */
    private static final class Stats {
        private final List<Double> values = new ArrayList<>();
        private int shared;

        void add(final double value, final boolean sharesBand) {
            values.add(value);
            shared += sharesBand ? 1 : 0;
        }

        double mean() {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        double sd() {
            final double mean = mean();
            return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size());
        }

        double quantile(final double q) {
            final double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
        }

        double below(final double threshold) {
            return values.stream().filter(v -> v < threshold).count() / (double) values.size();
        }

        double shared() {
            return shared / (double) values.size();
        }
    }
}
