package io.newswire.app.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.newswire.schema.text.TextNormalizer;

/**
 * Counts, item by item, what the pipeline said against the labels, and turns the counts into the figures of
 * {@code newswire eval}: precision, recall and F1 per topic (with their macro and micro averages), speaker recall
 * and precision, and language accuracy per language. Not thread-safe: one evaluation, one thread.
 */
public final class Scoreboard {

    /** Counts of one topic: items where it was labelled and said (tp), said only (fp), labelled only (fn). */
    public record TopicRow(String topic, int tp, int fp, int fn) {

        public int support() {
            return tp + fn;
        }

        public double precision() {
            return ratio(tp, tp + fp);
        }

        public double recall() {
            return ratio(tp, tp + fn);
        }

        public double f1() {
            final double p = precision();
            final double r = recall();
            return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    /** Language counts for one labelled language. */
    public record LanguageRow(String language, int items, int correct, int unknown) {

        public double accuracy() {
            return ratio(correct, items);
        }
    }

    private static final Set<String> CONNECTIVES = Set.of("of", "the", "and", "for", "on", "in", "at", "to", "de",
            "von", "van", "al", "bin", "da", "del", "la", "le", "du");

    private final Map<String, int[]> topics = new TreeMap<>();
    private final Map<String, int[]> languages = new TreeMap<>();
    private final Map<String, Map<String, Integer>> confusions = new TreeMap<>();
    private int items;
    private int topicItems;
    private int routeLabelled;
    private int routeLabelledWithoutTopic;
    private int speakersLabelled;
    private int speakersFound;
    private int nameSpeakersLabelled;
    private int nameSpeakersFound;
    private int speakersSaid;
    private int speakersSaidRight;

    /**
     * Starts with the topics to report, so that a topic nobody labelled or said still gets its row; other topics the
     * pipeline gives (that no label can confirm) are not counted.
     */
    public Scoreboard(final Collection<String> topicsToReport) {
        topicsToReport.forEach(topic -> topics.put(topic, new int[3]));
    }

    public void countItem() {
        items++;
    }

    /**
     * One item with editors' topics: the newswire topics they map to (empty for an item labelled with none, whose
     * every topic said is a false positive), and the topics the pipeline gave.
     */
    public void topics(final Set<String> labelled, final Set<String> said) {
        topicItems++;
        if (!labelled.isEmpty()) {
            routeLabelled++;
            // A topic that no route or label names (technology, by default) takes the item to news.general only.
            if (said.stream().noneMatch(topics::containsKey)) {
                routeLabelledWithoutTopic++;
            }
        }
        final Set<String> all = new LinkedHashSet<>(labelled);
        all.addAll(said);
        for (final String topic : all) {
            final int[] counts = topics.get(topic);
            if (counts == null) {
                continue;
            }
            final boolean inLabels = labelled.contains(topic);
            final boolean inSaid = said.contains(topic);
            counts[inLabels && inSaid ? 0 : inSaid ? 1 : 2]++;
        }
    }

    /** One item's labelled speakers (as written) against the speakers the pipeline found. */
    public void speakers(final List<String> labelled, final List<String> found) {
        final Set<String> foundKeys = new HashSet<>();
        found.forEach(speaker -> foundKeys.add(TextNormalizer.key(speaker)));
        final Set<String> labelledKeys = new LinkedHashSet<>();
        for (final String speaker : labelled) {
            final String key = TextNormalizer.key(speaker);
            if (!labelledKeys.add(key)) {
                continue;
            }
            final boolean hit = foundKeys.contains(key);
            speakersLabelled++;
            speakersFound += hit ? 1 : 0;
            if (isNameOrRole(speaker)) {
                nameSpeakersLabelled++;
                nameSpeakersFound += hit ? 1 : 0;
            }
        }
        if (!labelledKeys.isEmpty()) {
            for (final String speaker : foundKeys) {
                speakersSaid++;
                speakersSaidRight += labelledKeys.contains(speaker) ? 1 : 0;
            }
        }
    }

    /**
     * A label that names a speaker ({@code Defence Minister Sergei Shoigu}, {@code Question}) rather than a sentence
     * that happened to end in a colon ({@code I would like to emphasise once again}): every word capitalized but
     * for connectives. The Kremlin labels were scraped from every paragraph opening with "…:", so they hold both.
     */
    static boolean isNameOrRole(final String label) {
        for (final String word : label.strip().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetter(word.codePointAt(0))
                    && !Character.isUpperCase(word.codePointAt(0)) && !CONNECTIVES.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** One item's labelled language against the detected one (null: the detector did not answer). */
    public void language(final String labelled, final String detected) {
        final int[] counts = languages.computeIfAbsent(labelled, l -> new int[3]);
        counts[0]++;
        if (labelled.equals(detected)) {
            counts[1]++;
        } else {
            if (detected == null) {
                counts[2]++;
            }
            confusions.computeIfAbsent(labelled, l -> new TreeMap<>())
                    .merge(detected == null ? "unknown" : detected, 1, Integer::sum);
        }
    }

    public int items() {
        return items;
    }

    public int topicItems() {
        return topicItems;
    }

    /** Items whose labels map to at least one route. */
    public int routeLabelled() {
        return routeLabelled;
    }

    /** The share of {@link #routeLabelled} items the pipeline gave no topic at all: for the route's readers, lost. */
    public double routeLabelledWithoutTopicShare() {
        return routeLabelled == 0 ? 0 : (double) routeLabelledWithoutTopic / routeLabelled;
    }

    /** The routes this set can express: those some item is labelled with, sorted. */
    public List<String> expressedRoutes() {
        final List<String> routes = new ArrayList<>();
        topicRows().forEach(row -> {
            if (row.support() > 0) {
                routes.add(row.topic());
            }
        });
        return routes;
    }

    /** The expressed route with the lowest F1 (the first by name on a tie), or null when none is expressed. */
    public TopicRow weakestRoute() {
        TopicRow weakest = null;
        for (final TopicRow row : topicRows()) {
            if (row.support() > 0 && (weakest == null || row.f1() < weakest.f1())) {
                weakest = row;
            }
        }
        return weakest;
    }

    public List<TopicRow> topicRows() {
        final List<TopicRow> rows = new ArrayList<>();
        topics.forEach((topic, c) -> rows.add(new TopicRow(topic, c[0], c[1], c[2])));
        return rows;
    }

    /** The mean F1 of the given topics (those without a row count as 0). */
    public double macroF1(final Collection<String> over) {
        if (over.isEmpty()) {
            return 0.0;
        }
        double sum = 0.0;
        for (final String topic : over) {
            final int[] c = topics.get(topic);
            sum += c == null ? 0.0 : new TopicRow(topic, c[0], c[1], c[2]).f1();
        }
        return sum / over.size();
    }

    /** F1 of all topic decisions pooled. */
    public double microF1() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (final int[] c : topics.values()) {
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return new TopicRow("all", tp, fp, fn).f1();
    }

    public int speakersLabelled() {
        return speakersLabelled;
    }

    public int speakersFound() {
        return speakersFound;
    }

    /** Share of labelled speakers the pipeline found (NaN when no item had speaker labels). */
    public double speakerRecall() {
        return speakersLabelled == 0 ? Double.NaN : (double) speakersFound / speakersLabelled;
    }

    /** Recall over the labelled speakers that are names or roles ({@link #isNameOrRole}). */
    public double nameSpeakerRecall() {
        return nameSpeakersLabelled == 0 ? Double.NaN : (double) nameSpeakersFound / nameSpeakersLabelled;
    }

    public int nameSpeakersLabelled() {
        return nameSpeakersLabelled;
    }

    public int nameSpeakersFound() {
        return nameSpeakersFound;
    }

    /** Share of the speakers found (in items with speaker labels) that the labels name. */
    public double speakerPrecision() {
        return speakersSaid == 0 ? Double.NaN : (double) speakersSaidRight / speakersSaid;
    }

    public List<LanguageRow> languageRows() {
        final List<LanguageRow> rows = new ArrayList<>();
        languages.forEach((language, c) -> rows.add(new LanguageRow(language, c[0], c[1], c[2])));
        return rows;
    }

    /** What each labelled language was mistaken for: detected language (or "unknown") → count. */
    public Map<String, Map<String, Integer>> languageConfusions() {
        return confusions;
    }

    /** Accuracy over every item with a language label (NaN when none had one). */
    public double languageAccuracy() {
        int all = 0;
        int correct = 0;
        for (final int[] c : languages.values()) {
            all += c[0];
            correct += c[1];
        }
        return all == 0 ? Double.NaN : (double) correct / all;
    }

    private static double ratio(final int part, final int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
