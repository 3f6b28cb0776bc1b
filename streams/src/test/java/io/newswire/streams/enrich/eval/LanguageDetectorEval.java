package io.newswire.streams.enrich.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.newswire.streams.enrich.DetectedLanguage;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.enrich.LanguageDetector;
import io.newswire.streams.enrich.OpenNlpLanguageDetector;

/**
 * Measurement tool (not a test): accuracy per language, speed, load time and heap of OpenNLP's and Optimaize's
 * language detectors on UDHR, Europarl, the seed transcript and corpus items; that {@code OpenNlpLanguageDetector}
 * answers as OpenNLP's own {@code LanguageDetectorME}; and what reading only the first N characters costs in
 * accuracy and saves in time. Prints Markdown for {@code LANGUAGE_DETECTOR.md}.
 *
 * <p>Arguments: {@code UDHR_PACKAGE_DIR SEED_TXT CORPUS_JSONL [optimaize-first]}; how to run it is in
 * {@code LANGUAGE_DETECTOR.md} next to this file.
 */
public final class LanguageDetectorEval {

    private static final int MIN_CHARS = 100;
    private static final int PER_LANGUAGE = 200;
    private static final int CORPUS_ITEMS = 200;
    /** What the pipeline reads by default; the window tables measure other values. */
    private static final int MAX_CHARS = EnrichmentSettings.DEFAULT_LANGUAGE_MAX_CHARS;
    /** How much of the text the detector reads before the window was shortened, for the reference. */
    private static final int FORMER_MAX_CHARS = 3000;
    private static final int[] WINDOWS = {100, 200, 300, 500, 800, 1000, 3000};
    /** Long texts, so that the window cuts them: UDHR paragraphs and Europarl bodies joined to at least this. */
    private static final int LONG_CHARS = 1500;
    private static final int LONG_PER_LANGUAGE = 50;
    private static final double MIN_CONFIDENCE = EnrichmentSettings.DEFAULT_MIN_LANGUAGE_CONFIDENCE;
    /** The languages newswire must tell apart at 99 % or better on texts of 100 characters or more. */
    private static final List<String> REQUIRED = List.of("it", "en", "ru", "uk", "de", "fr", "es", "pt", "pl", "tr",
            "ar", "zh");
    private static final int SHORT_CHARS = 40;
    private static final Set<String> EUROPARL_LANGUAGES = Set.of("it", "en", "de", "fr", "es", "pt", "pl", "nl", "sv");
    private static final double[] THRESHOLDS = {0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};

    private LanguageDetectorEval() {
    }

    public static void main(final String[] args) throws Exception {
        final Path udhr = Path.of(args[0]);
        final Path seed = Path.of(args[1]);
        final Path corpus = Path.of(args[2]);
        final boolean optimaizeFirst = args.length > 3 && "optimaize-first".equals(args[3]);

        final Map<String, LanguageDetector> detectors = new LinkedHashMap<>();
        final Map<String, Supplier<LanguageDetector>> loaders = new LinkedHashMap<>();
        if (optimaizeFirst) {
            loaders.put("Optimaize", () -> OptimaizeLanguageDetector.builtIn(MAX_CHARS));
        }
        loaders.put("OpenNLP", () -> OpenNlpLanguageDetector.fromClasspath(MAX_CHARS));
        if (!optimaizeFirst) {
            loaders.put("Optimaize", () -> OptimaizeLanguageDetector.builtIn(MAX_CHARS));
        }
        System.out.println("## Load (order: " + String.join(", ", loaders.keySet()) + ")\n");
        System.out.println("| detector | load ms (cold, first in JVM order) | heap retained MB |");
        System.out.println("|---|---|---|");
        for (final Map.Entry<String, Supplier<LanguageDetector>> loader : loaders.entrySet()) {
            final long before = usedHeap();
            final long start = System.nanoTime();
            final LanguageDetector detector = loader.getValue().get();
            final double loadMs = (System.nanoTime() - start) / 1e6;
            final long after = usedHeap();
            detectors.put(loader.getKey(), detector);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f |%n", loader.getKey(), loadMs,
                    (after - before) / 1024.0 / 1024.0);
        }

        final List<LabeledText> snippets = new ArrayList<>();
        snippets.addAll(UdhrTexts.read(udhr, MIN_CHARS));
        snippets.addAll(EuroparlTexts.read(EUROPARL_LANGUAGES, MIN_CHARS, PER_LANGUAGE));
        snippets.add(new LabeledText("seed", "it", Files.readString(seed, StandardCharsets.UTF_8)));
        final List<KremlinCorpus.Entry> entries = KremlinCorpus.read(corpus);
        final List<LabeledText> items = new ArrayList<>();
        final int step = entries.size() / CORPUS_ITEMS;
        for (int i = 0; i < CORPUS_ITEMS; i++) {
            items.add(new LabeledText("kremlin-en", "en", ItemText.of(entries.get(i * step).item())));
        }
        snippets.addAll(items);
        final List<LabeledText> titles = entries.stream()
                .filter(entry -> entry.item().getTitle() != null)
                .map(entry -> new LabeledText("kremlin-en-titles", "en", entry.item().getTitle()))
                .toList();
        final List<LabeledText> heads = snippets.stream()
                .filter(text -> !"seed".equals(text.dataset()))
                .map(text -> new LabeledText(text.dataset() + "-first-" + SHORT_CHARS, text.language(),
                        text.text().substring(0, Math.min(SHORT_CHARS, text.text().length()))))
                .toList();

        System.out.println("\n# Texts of at least " + MIN_CHARS + " characters");
        accuracyTable(snippets, detectors);
        thresholdTable(snippets, detectors);
        shortTextTable(snippets, detectors);
        System.out.println("\n# Short texts: the first " + SHORT_CHARS + " characters of the same texts, and corpus"
                + " titles");
        final List<LabeledText> shortTexts = new ArrayList<>(heads);
        shortTexts.addAll(titles);
        accuracyTable(shortTexts, detectors);
        thresholdTable(shortTexts, detectors);
        final LanguageDetector reference = OpenNlpMeLanguageDetector.fromClasspath(MAX_CHARS);
        final List<LabeledText> longTexts = longTexts(udhr, seed, items);
        agreementTable(detectors.get("OpenNLP"), reference, List.of(snippets, shortTexts, longTexts));
        final Map<String, LanguageDetector> timed = new LinkedHashMap<>(detectors);
        timed.put("OpenNLP via LanguageDetectorME (before), first " + FORMER_MAX_CHARS + " chars",
                OpenNlpMeLanguageDetector.fromClasspath(FORMER_MAX_CHARS));
        timingTable(snippets, items, timed);
        windowTables(longTexts, items);
    }

    /**
     * Long texts in many languages, so that reading fewer characters can show what it costs: UDHR paragraphs and
     * Europarl bodies of at least {@value #LONG_CHARS} characters, the seed transcript and the corpus items.
     */
    private static List<LabeledText> longTexts(final Path udhr, final Path seed, final List<LabeledText> items)
            throws Exception {
        final List<LabeledText> texts = new ArrayList<>();
        texts.addAll(UdhrTexts.documents(udhr, LONG_CHARS));
        texts.addAll(EuroparlTexts.bodies(EUROPARL_LANGUAGES, LONG_CHARS, LONG_PER_LANGUAGE));
        texts.add(new LabeledText("seed", "it", Files.readString(seed, StandardCharsets.UTF_8)));
        texts.addAll(items);
        return texts;
    }

    /** The faster detector must answer exactly as OpenNLP's own LanguageDetectorME does on the same head. */
    private static void agreementTable(final LanguageDetector fast, final LanguageDetector reference,
                                       final List<List<LabeledText>> sets) {
        System.out.println("\n## OpenNlpLanguageDetector against LanguageDetectorME (first " + MAX_CHARS
                + " chars)\n");
        System.out.println("| texts | other language | largest confidence difference |");
        System.out.println("|---|---|---|");
        int texts = 0;
        int differ = 0;
        double largest = 0.0;
        for (final List<LabeledText> set : sets) {
            for (final LabeledText text : set) {
                final DetectedLanguage a = fast.detect(text.text());
                final DetectedLanguage b = reference.detect(text.text());
                texts++;
                differ += Objects.equals(a.language(), b.language()) ? 0 : 1;
                largest = Math.max(largest, Math.abs(a.confidence() - b.confidence()));
            }
        }
        System.out.printf(Locale.ROOT, "| %d | %d | %.2e |%n", texts, differ, largest);
    }

    /** Accuracy, answers at the default minimum confidence and cost by how many characters are read. */
    private static void windowTables(final List<LabeledText> longTexts, final List<LabeledText> items) {
        final Map<String, Long> perDataset = new TreeMap<>();
        longTexts.forEach(text -> perDataset.merge(text.dataset(), 1L, Long::sum));
        System.out.println("\n## Reading window: long texts (" + longTexts.size() + ": " + perDataset + ")\n");
        System.out.println("| max chars | accuracy (top-1) | answered at confidence ≥ " + MIN_CONFIDENCE
                + " / right | lowest language (top-1) | µs per corpus item |");
        System.out.println("|---|---|---|---|---|");
        final Map<Integer, Map<String, int[]>> byLanguage = new LinkedHashMap<>();
        for (final int window : WINDOWS) {
            final LanguageDetector detector = OpenNlpLanguageDetector.fromClasspath(window);
            final Map<String, int[]> languages = new TreeMap<>();
            int right = 0;
            int answered = 0;
            int answeredRight = 0;
            for (final LabeledText text : longTexts) {
                final DetectedLanguage detected = detector.detect(text.text());
                final boolean correct = text.language().equals(detected.language());
                final int[] tally = languages.computeIfAbsent(text.language(), k -> new int[2]);
                tally[0] += correct ? 1 : 0;
                tally[1]++;
                right += correct ? 1 : 0;
                if (detected.isKnown() && detected.confidence() >= MIN_CONFIDENCE) {
                    answered++;
                    answeredRight += correct ? 1 : 0;
                }
            }
            byLanguage.put(window, languages);
            final Map.Entry<String, int[]> lowest = languages.entrySet().stream()
                    .min(Comparator.comparingDouble(e -> (double) e.getValue()[0] / e.getValue()[1]))
                    .orElseThrow();
            final boolean allRight = lowest.getValue()[0] == lowest.getValue()[1];
            System.out.printf(Locale.ROOT, "| %d | %.2f%% | %.1f%% / %.2f%% | %s | %.0f |%n", window,
                    100.0 * right / longTexts.size(), 100.0 * answered / longTexts.size(),
                    answered == 0 ? 0.0 : 100.0 * answeredRight / answered, allRight ? "none below 100 %"
                            : String.format(Locale.ROOT, "%s %.1f%%", lowest.getKey(),
                            100.0 * lowest.getValue()[0] / lowest.getValue()[1]),
                    1000.0 * msPerText(detector, items));
        }
        System.out.println("\n### Long texts by language (top-1 accuracy; n)\n");
        final StringBuilder header = new StringBuilder("| language | n |");
        byLanguage.keySet().forEach(window -> header.append(' ').append(window).append(" |"));
        System.out.println(header);
        System.out.println("|---|---|" + "---|".repeat(byLanguage.size()));
        final Map<String, int[]> any = byLanguage.values().iterator().next();
        for (final String language : any.keySet()) {
            final StringBuilder row = new StringBuilder("| " + language + (REQUIRED.contains(language) ? "" : " (extra)")
                    + " | " + any.get(language)[1] + " |");
            byLanguage.values().forEach(languages -> row.append(String.format(Locale.ROOT, " %.1f%% |",
                    100.0 * languages.get(language)[0] / languages.get(language)[1])));
            System.out.println(row);
        }
    }

    private static void accuracyTable(final List<LabeledText> texts, final Map<String, LanguageDetector> detectors) {
        System.out.println("\n## Accuracy (top-1, no thresholds)\n");
        System.out.println("| data set | language | n | " + String.join(" | ", detectors.keySet()) + " |");
        System.out.println("|---|---|---|" + "---|".repeat(detectors.size()));
        final Map<String, List<LabeledText>> groups = new TreeMap<>();
        texts.forEach(text -> groups.computeIfAbsent(text.dataset() + "|" + text.language(), k -> new ArrayList<>())
                .add(text));
        final Map<String, int[]> totals = new LinkedHashMap<>();
        for (final Map.Entry<String, List<LabeledText>> group : groups.entrySet()) {
            final StringBuilder row = new StringBuilder("| " + group.getKey().replace("|", " | ") + " | "
                    + group.getValue().size() + " |");
            for (final Map.Entry<String, LanguageDetector> detector : detectors.entrySet()) {
                final Map<String, Integer> wrong = new TreeMap<>();
                int right = 0;
                for (final LabeledText text : group.getValue()) {
                    final String language = detector.getValue().detect(text.text()).language();
                    if (text.language().equals(language)) {
                        right++;
                    } else {
                        wrong.merge(String.valueOf(language), 1, Integer::sum);
                    }
                }
                final int[] total = totals.computeIfAbsent(detector.getKey(), k -> new int[2]);
                total[0] += right;
                total[1] += group.getValue().size();
                row.append(String.format(Locale.ROOT, " %.1f%%%s |", 100.0 * right / group.getValue().size(),
                        wrong.isEmpty() ? "" : " (" + wrong + ")"));
            }
            System.out.println(row);
        }
        final StringBuilder row = new StringBuilder("| **all** | | " + texts.size() + " |");
        totals.values().forEach(t -> row.append(String.format(Locale.ROOT, " **%.2f%%** |", 100.0 * t[0] / t[1])));
        System.out.println(row);
    }

    /** What a minimum confidence costs (texts answered) and buys (accuracy of the answers). */
    private static void thresholdTable(final List<LabeledText> texts, final Map<String, LanguageDetector> detectors) {
        System.out.println("\n## Minimum confidence: coverage / accuracy of the answers given\n");
        System.out.println("| min confidence | " + String.join(" | ", detectors.keySet()) + " |");
        System.out.println("|---|" + "---|".repeat(detectors.size()));
        final Map<String, List<DetectedLanguage>> answers = new LinkedHashMap<>();
        detectors.forEach((name, detector) -> answers.put(name,
                texts.stream().map(text -> detector.detect(text.text())).toList()));
        for (final double threshold : THRESHOLDS) {
            final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.1f |", threshold));
            for (final List<DetectedLanguage> detected : answers.values()) {
                int answered = 0;
                int right = 0;
                for (int i = 0; i < texts.size(); i++) {
                    if (detected.get(i).isKnown() && detected.get(i).confidence() >= threshold) {
                        answered++;
                        right += texts.get(i).language().equals(detected.get(i).language()) ? 1 : 0;
                    }
                }
                row.append(String.format(Locale.ROOT, " %.1f%% / %.2f%% |", 100.0 * answered / texts.size(),
                        answered == 0 ? 0.0 : 100.0 * right / answered));
            }
            System.out.println(row);
        }
    }

    /** Accuracy on the first N characters of the snippets, to set the minimum text length. */
    private static void shortTextTable(final List<LabeledText> texts, final Map<String, LanguageDetector> detectors) {
        System.out.println("\n## Short texts: accuracy on the first N characters of the same texts\n");
        System.out.println("| N chars | " + String.join(" | ", detectors.keySet()) + " |");
        System.out.println("|---|" + "---|".repeat(detectors.size()));
        for (final int length : new int[] {10, 20, 30, 50, 75, 100}) {
            final StringBuilder row = new StringBuilder("| " + length + " |");
            for (final LanguageDetector detector : detectors.values()) {
                int right = 0;
                for (final LabeledText text : texts) {
                    final String head = text.text().substring(0, Math.min(length, text.text().length()));
                    right += text.language().equals(detector.detect(head).language()) ? 1 : 0;
                }
                row.append(String.format(Locale.ROOT, " %.1f%% |", 100.0 * right / texts.size()));
            }
            System.out.println(row);
        }
    }

    private static void timingTable(final List<LabeledText> snippets, final List<LabeledText> items,
                                    final Map<String, LanguageDetector> detectors) {
        System.out.println("\n## CPU time per detection (after a warm-up pass; one thread)\n");
        System.out.println("| detector | µs per snippet (100–300 chars) | µs per corpus item (first " + MAX_CHARS
                + " chars unless said) |");
        System.out.println("|---|---|---|");
        final List<LabeledText> shortOnes = snippets.stream()
                .filter(s -> !"kremlin-en".equals(s.dataset()) && !"seed".equals(s.dataset())).toList();
        for (final Map.Entry<String, LanguageDetector> detector : detectors.entrySet()) {
            final double perSnippet = msPerText(detector.getValue(), shortOnes);
            final double perItem = msPerText(detector.getValue(), items);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", detector.getKey(), 1000.0 * perSnippet,
                    1000.0 * perItem);
        }
    }

    /**
     * Milliseconds of this thread's CPU time per text: the machine is shared with other builds, and waiting for a
     * core is not the detector's cost.
     */
    private static double msPerText(final LanguageDetector detector, final List<LabeledText> texts) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int round = 0; round < 3; round++) {
            for (final LabeledText text : texts) {
                sink += detector.detect(text.text()).hashCode();
            }
        }
        final int rounds = 5;
        final long start = threads.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (final LabeledText text : texts) {
                sink += detector.detect(text.text()).hashCode();
            }
        }
        final double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / rounds / texts.size();
        if (sink == 42) {
            System.out.print("");
        }
        return ms;
    }

    private static long usedHeap() {
        final Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
