package io.newswire.streams.enrich.eval;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newswire.schema.WireItem;
import io.newswire.streams.enrich.Enricher;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.enrich.TermHits;
import io.newswire.streams.enrich.TopicClassifier;
import io.newswire.streams.enrich.TopicLexicon;
import io.newswire.streams.enrich.TopicScoring;
import io.newswire.streams.enrich.Token;
import io.newswire.streams.testing.WireItems;

/**
 * Measurement tool (not a test): per-topic precision, recall and F1 of the topic classifier on
 * {@code kremlin-en-dev.jsonl} against the editors' topics (mapped below; items without editors' topics left out),
 * a threshold sweep, a plain keyword-count baseline, the seed transcript's scores and the time per enrichment.
 * Prints Markdown for {@code TOPICS.md}. The pipeline side only ever sees title, lead and paragraphs.
 *
 * <p>Arguments: {@code CORPUS_JSONL SEED_TXT [sweep]}; how to run it is in {@code TOPICS.md} next to this file.
 */
public final class TopicsEval {

    /** Editors' topic → our topic. Topics without a counterpart (trade, among ours) are not measured. */
    static final Map<String, String> GOLD = Map.of(
            "National security", "security",
            "Armed Forces", "security",
            "Fight against terrorism", "security",
            "Economy and finance", "economy",
            "Energy", "energy",
            "Foreign policy", "diplomacy",
            "Healthcare", "health",
            "Sport", "sport",
            "Culture", "culture");
    static final List<String> MEASURED = List.of("security", "economy", "energy", "diplomacy", "health", "sport",
            "culture");
    private static final double[] THRESHOLDS = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    private static final TopicLexicon LEXICON = TopicLexicon.bundled();
    private static final TopicClassifier CLASSIFIER = new TopicClassifier(LEXICON, TopicScoring.DEFAULT, 0.0);

    private TopicsEval() {
    }

    /** One labelled item: the lexicon hits in its title and text, its length, and the mapped editors' topics. */
    private record Sample(List<TermHits> hits, int words, Set<String> gold) {
    }

    public static void main(final String[] args) throws Exception {
        final List<KremlinCorpus.Entry> entries = KremlinCorpus.read(Path.of(args[0]));
        final WireItem seed = WireItems.fromTranscript(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8))
                .withId("seed").build();
        final boolean sweep = args.length > 2 && "sweep".equals(args[2]);
        final List<Sample> samples = new ArrayList<>();
        for (final KremlinCorpus.Entry entry : entries) {
            if (entry.editorTopics().isEmpty()) {
                continue;
            }
            final Set<String> gold = new HashSet<>();
            entry.editorTopics().forEach(topic -> {
                if (GOLD.containsKey(topic)) {
                    gold.add(GOLD.get(topic));
                }
            });
            final String text = ItemText.of(entry.item());
            samples.add(new Sample(CLASSIFIER.hits(entry.item().getTitle(), text), Token.of(text).size(), gold));
        }
        System.out.println("Items with editors' topics: " + samples.size() + " of " + entries.size() + "\n");
        support(samples);
        if (sweep) {
            sweep(samples, seed);
            return;
        }
        final double threshold = EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD;
        final List<Map<String, Double>> scores = score(TopicScoring.DEFAULT, samples);
        System.out.println("\n## Per topic at the default threshold " + threshold + " (" + TopicScoring.DEFAULT + ")\n");
        report(samples, scores, threshold, true);
        System.out.println("\n## Threshold sweep (default scoring)\n");
        System.out.println("| threshold | macro-F1 | micro-F1 |");
        System.out.println("|---|---|---|");
        for (final double t : THRESHOLDS) {
            final double[] f1 = report(samples, scores, t, false);
            System.out.printf(Locale.ROOT, "| %.1f | %.3f | %.3f |%n", t, f1[0], f1[1]);
        }
        baseline(samples);
        System.out.println("\n## Seed transcript scores\n\n" + CLASSIFIER.scores(seed.getTitle(), ItemText.of(seed)));
        timing(entries);
    }

    private static void support(final List<Sample> samples) {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        MEASURED.forEach(topic -> counts.put(topic, (int) samples.stream().filter(s -> s.gold().contains(topic)).count()));
        System.out.println("Items per mapped topic: " + counts);
    }

    private static List<Map<String, Double>> score(final TopicScoring scoring, final List<Sample> samples) {
        return samples.stream().map(s -> scoring.scores(LEXICON.topics(), s.hits(), s.words())).toList();
    }

    /** Prints the per-topic table when asked; returns macro- and micro-F1. */
    private static double[] report(final List<Sample> samples, final List<Map<String, Double>> scores,
                                   final double threshold, final boolean print) {
        if (print) {
            System.out.println("| topic | support | predicted | precision | recall | F1 |");
            System.out.println("|---|---|---|---|---|---|");
        }
        double macro = 0.0;
        int tpAll = 0;
        int fpAll = 0;
        int fnAll = 0;
        for (final String topic : MEASURED) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < samples.size(); i++) {
                final boolean predicted = scores.get(i).getOrDefault(topic, 0.0) >= threshold
                        && scores.get(i).getOrDefault(topic, 0.0) > 0.0;
                final boolean actual = samples.get(i).gold().contains(topic);
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
            }
            final double precision = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
            final double recall = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
            final double f1 = precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
            macro += f1 / MEASURED.size();
            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
            if (print) {
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f |%n", topic, tp + fn, tp + fp,
                        precision, recall, f1);
            }
        }
        final double micro = 2.0 * tpAll / (2.0 * tpAll + fpAll + fnAll);
        if (print) {
            System.out.printf(Locale.ROOT, "| **macro** | | | | | **%.3f** |%n| micro | | | | | %.3f |%n", macro, micro);
        }
        return new double[] {macro, micro};
    }

    /**
     * The plain keyword count the brief compares against: a topic is predicted when at least {@code k} of its terms
     * occur (weights 1, no length normalisation, no title weight), best {@code k} reported.
     */
    private static void baseline(final List<Sample> samples) {
        System.out.println("\n## Baseline: plain keyword count (same lexicon, every hit counts 1, no length"
                + " normalisation), topic predicted at >= k hits\n");
        System.out.println("| k | macro-F1 |");
        System.out.println("|---|---|");
        final List<Map<String, Double>> counts = samples.stream().map(s -> {
            final Map<String, Double> count = new LinkedHashMap<>();
            s.hits().forEach(hit -> count.merge(hit.topic(), (double) hit.inText(), Double::sum));
            return count;
        }).toList();
        for (final int k : new int[] {1, 2, 3, 5, 8, 12}) {
            final List<Map<String, Double>> asScores = counts.stream().map(c -> {
                final Map<String, Double> m = new LinkedHashMap<>();
                c.forEach((topic, n) -> m.put(topic, n >= k ? 1.0 : 0.0));
                return m;
            }).toList();
            System.out.printf(Locale.ROOT, "| %d | %.3f |%n", k, report(samples, asScores, 1.0, false)[0]);
        }
    }

    /** One point of the sweep. */
    private record Result(TopicScoring scoring, double threshold, double macro, Map<String, Double> seed) {
    }

    private static void sweep(final List<Sample> samples, final WireItem seed) {
        final String seedText = ItemText.of(seed);
        final List<TermHits> seedHits = CLASSIFIER.hits(seed.getTitle(), seedText);
        final int seedWords = Token.of(seedText).size();
        final List<Result> results = new ArrayList<>();
        for (final double scale : new double[] {2.0, 3.0, 4.0, 6.0}) {
            for (final int reference : new int[] {100, 200, 400}) {
                for (final double lengthExponent : new double[] {0.5, 0.75, 1.0}) {
                    for (final double repeatExponent : new double[] {0.5, 0.75, 1.0}) {
                        for (final double titleWeight : new double[] {2.0, 3.0}) {
                            for (final double minShare : new double[] {0.0, 0.3, 0.5}) {
                                final TopicScoring scoring = new TopicScoring(scale, reference, lengthExponent,
                                        repeatExponent, titleWeight, minShare);
                                final List<Map<String, Double>> scores = score(scoring, samples);
                                final Map<String, Double> seedScores = scoring.scores(LEXICON.topics(), seedHits,
                                        seedWords);
                                for (final double t : THRESHOLDS) {
                                    results.add(new Result(scoring, t, report(samples, scores, t, false)[0],
                                            seedScores));
                                }
                            }
                        }
                    }
                }
            }
        }
        results.sort(Comparator.comparingDouble(Result::macro).reversed());
        System.out.println("\n## Sweep: best 30 of " + results.size() + "\n");
        printResults(results.stream().limit(30).toList());
        System.out.println("\n## Sweep: best 30 where the seed transcript gets security and trade\n");
        printResults(results.stream().filter(r -> r.seed().get("security") >= r.threshold()
                && r.seed().get("trade") >= r.threshold()).limit(30).toList());
    }

    private static void printResults(final List<Result> results) {
        System.out.println("| scale | ref words | length exp | repeat exp | title weight | min share | threshold"
                + " | macro-F1 | seed security | seed trade |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.printf(Locale.ROOT,
                "| %.1f | %d | %.2f | %.2f | %.1f | %.1f | %.1f | %.3f | %.3f | %.3f |%n",
                r.scoring().scale(), r.scoring().referenceWords(), r.scoring().lengthExponent(),
                r.scoring().repeatExponent(), r.scoring().titleWeight(), r.scoring().minShare(), r.threshold(),
                r.macro(), r.seed().get("security"), r.seed().get("trade")));
    }

    private static void timing(final List<KremlinCorpus.Entry> entries) {
        final long loadStart = System.nanoTime();
        final Enricher enricher = Enricher.create(EnrichmentSettings.defaults());
        final double loadMs = (System.nanoTime() - loadStart) / 1e6;
        final List<WireItem> items = entries.stream().map(KremlinCorpus.Entry::item).toList();
        items.forEach(enricher::enrich);
        final long start = System.nanoTime();
        int words = 0;
        for (final WireItem item : items) {
            words += enricher.enrich(item).topics().size();
        }
        final double perItem = (System.nanoTime() - start) / 1e6 / items.size();
        System.out.printf(Locale.ROOT, "%n## Enricher%n%nEnricher.create: %.0f ms; enrich: %.3f ms per item over %d"
                + " corpus items (one thread, after a warm-up pass; %d topics assigned)%n", loadMs, perItem,
                items.size(), words);
    }
}
