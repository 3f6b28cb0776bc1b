package io.newswire.streams.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A linear topic model for one language: the title and text of an item in, a probability per topic out
 * (one-vs-rest logistic regression over TF-IDF word features). Read from a TSV file; immutable and thread-safe.
 *
 * <p>Features are the item's words ({@link Token#lower}, two letters or more, not all digits), counted separately in
 * the title ({@code t:word}) and in the whole text ({@code b:word}). Each part is a vector of
 * {@code (1 + ln count) · idf}, scaled to unit length over the words the model knows. Extra features
 * ({@code x:name}) are values the caller computes, such as the lexicon's score of each topic
 * ({@link #LEXICON_FEATURE}) and its square ({@link #LEXICON_SQUARED}), scaled by their idf column. A topic's
 * probability is {@code 1 / (1 + exp(-(bias + Σ weight · value)))}. The file is what the trainer
 * ({@code TopicModelTrainer} in the test sources) writes: users can train their own on their own labelled copy.
 *
 * <pre>
 * # comments
 * language  en
 * topics    security  economy  …
 * bias      -3.1      -4.2     …
 * t:treaty  5.82      0.41     -0.12  …     (feature, idf, one weight per topic)
 * x:lexicon.security  1  2.9  -0.3  …
 * common    the  of  and  …                       (words too common to be features; optional)
 * </pre>
 */
public final class TopicModel {

    static final String TITLE = "t:";
    static final String TEXT = "b:";
    static final String EXTRA = "x:";
    /** The line listing the words too common to be features (optional; older model files have none). */
    static final String COMMON = "common";
    /** The extra feature carrying the lexicon's score of a topic: {@code lexicon.<topic>}. */
    public static final String LEXICON_FEATURE = "lexicon.";
    /**
     * The square of the lexicon's score of a topic, {@code lexicon2.<topic>}, derived here from
     * {@link #LEXICON_FEATURE} where the model file has a weight for it (older files have none): a sure lexicon score
     * says more than twice a half-sure one (cross-validated on the Kremlin corpus over 8 fold splits: +0.002 macro-F1
     * on average, see {@code eval/TOPICS.md}).
     */
    public static final String LEXICON_SQUARED = "lexicon2.";

    /** A known word of one part: its idf and its weight for each topic. */
    public record Feature(double idf, float[] weights) {
    }

    private final String language;
    private final List<String> topics;
    private final double[] bias;
    private final Map<String, Feature> titleFeatures;
    private final Map<String, Feature> textFeatures;
    private final Map<String, Feature> extraFeatures;
    /** The weights of {@link #LEXICON_SQUARED} features, by the name of the extra value they square. */
    private final Map<String, Feature> squaredFeatures;
    private final Set<String> common;

    public TopicModel(final String language, final List<String> topics, final double[] bias,
                      final Map<String, Feature> titleFeatures, final Map<String, Feature> textFeatures,
                      final Map<String, Feature> extraFeatures) {
        this(language, topics, bias, titleFeatures, textFeatures, extraFeatures, Set.of());
    }

    /**
     * As above, with the words the trainer saw in so many items that they say nothing about a topic ({@code common}):
     * they carry no weight, but a text made of them and of known words is a text like the training data
     * ({@link #familiarity}).
     */
    public TopicModel(final String language, final List<String> topics, final double[] bias,
                      final Map<String, Feature> titleFeatures, final Map<String, Feature> textFeatures,
                      final Map<String, Feature> extraFeatures, final Set<String> common) {
        if (bias.length != topics.size()) {
            throw new IllegalArgumentException("one bias per topic expected: " + topics + " " + Arrays.toString(bias));
        }
        this.language = language;
        this.topics = List.copyOf(topics);
        this.bias = bias.clone();
        this.titleFeatures = Map.copyOf(titleFeatures);
        this.textFeatures = Map.copyOf(textFeatures);
        this.extraFeatures = Map.copyOf(extraFeatures);
        final Map<String, Feature> squared = new HashMap<>();
        extraFeatures.forEach((name, feature) -> {
            if (name.startsWith(LEXICON_SQUARED)) {
                squared.put(LEXICON_FEATURE + name.substring(LEXICON_SQUARED.length()), feature);
            }
        });
        this.squaredFeatures = Map.copyOf(squared);
        this.common = Set.copyOf(common);
    }

    /** The model file bundled for a language, or null when there is none. */
    public static TopicModel bundled(final String language) {
        final String resource = "topic-model-" + language + ".tsv";
        final InputStream in = TopicModel.class.getResourceAsStream(resource);
        if (in == null) {
            return null;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader, resource);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the bundled topic model " + resource, e);
        }
    }

    /** A model file written by the trainer. */
    public static TopicModel fromFile(final Path path) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, path.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the topic model " + path + ": " + e.getMessage()
                    + " (check the path, or leave newswire.enrich.topic.model unset for the bundled one)", e);
        }
    }

    /** The words of a text as the model counts them: distinct words with their number of occurrences. */
    public static Map<String, Integer> counts(final List<Token> tokens) {
        final Map<String, Integer> counts = new HashMap<>();
        for (final Token token : tokens) {
            if (isFeatureWord(token.lower())) {
                counts.merge(token.lower(), 1, Integer::sum);
            }
        }
        return counts;
    }

    static boolean isFeatureWord(final String word) {
        if (word.length() < 2) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public String language() {
        return language;
    }

    /** The topics the model scores, in its order. */
    public List<String> topics() {
        return topics;
    }

    /**
     * The probability of each topic ({@link #topics()} order) for an item's title words, text words (title
     * included) and extra feature values (names the model does not know are ignored).
     */
    public double[] probabilities(final List<Token> title, final List<Token> text, final Map<String, Double> extras) {
        final double[] margin = bias.clone();
        add(margin, counts(title), titleFeatures);
        add(margin, counts(text), textFeatures);
        extras.forEach((name, value) -> {
            final Feature feature = extraFeatures.get(name);
            if (feature != null) {
                for (int k = 0; k < margin.length; k++) {
                    margin[k] += feature.weights()[k] * feature.idf() * value;
                }
            }
            final Feature squared = squaredFeatures.get(name);
            if (squared != null) {
                for (int k = 0; k < margin.length; k++) {
                    margin[k] += squared.weights()[k] * squared.idf() * value * value;
                }
            }
        });
        final double[] probabilities = new double[margin.length];
        for (int k = 0; k < margin.length; k++) {
            probabilities[k] = 1.0 / (1.0 + Math.exp(-margin[k]));
        }
        return probabilities;
    }

    /**
     * How much a text is like what the model learned from: the share of its words (as {@link #counts} counts them,
     * every occurrence) that the model knows as text features or as common words; 0 for a text without words. News
     * from other sources scores lower than held-out items of the training source: names of clubs, stars and companies,
     * market jargon (figures for the bundled English model in {@code eval/TOPICS.md}).
     */
    public double familiarity(final List<Token> text) {
        int words = 0;
        int known = 0;
        for (final Token token : text) {
            final String word = token.lower();
            if (isFeatureWord(word)) {
                words++;
                known += textFeatures.containsKey(word) || common.contains(word) ? 1 : 0;
            }
        }
        return words == 0 ? 0.0 : (double) known / words;
    }

    private static void add(final double[] margin, final Map<String, Integer> counts,
                            final Map<String, Feature> features) {
        final List<Feature> known = new ArrayList<>(counts.size());
        final List<Double> values = new ArrayList<>(counts.size());
        double norm = 0.0;
        for (final Map.Entry<String, Integer> word : counts.entrySet()) {
            final Feature feature = features.get(word.getKey());
            if (feature != null) {
                final double value = (1.0 + Math.log(word.getValue())) * feature.idf();
                known.add(feature);
                values.add(value);
                norm += value * value;
            }
        }
        if (norm == 0.0) {
            return;
        }
        final double scale = 1.0 / Math.sqrt(norm);
        for (int i = 0; i < known.size(); i++) {
            final float[] weights = known.get(i).weights();
            final double value = values.get(i) * scale;
            for (int k = 0; k < margin.length; k++) {
                margin[k] += weights[k] * value;
            }
        }
    }

    /** Writes the model in the format {@link #fromFile} reads, features sorted, weights to 4 significant digits. */
    public void write(final Writer out, final List<String> comments) throws IOException {
        for (final String comment : comments) {
            out.write("# " + comment + "\n");
        }
        out.write("language\t" + language + "\n");
        out.write("topics\t" + String.join("\t", topics) + "\n");
        final StringBuilder line = new StringBuilder("bias");
        for (final double b : bias) {
            line.append('\t').append(format(b));
        }
        out.write(line.append('\n').toString());
        writeFeatures(out, TITLE, titleFeatures);
        writeFeatures(out, TEXT, textFeatures);
        writeFeatures(out, EXTRA, extraFeatures);
        if (!common.isEmpty()) {
            out.write(COMMON + "\t" + String.join("\t", new TreeSet<>(common)) + "\n");
        }
    }

    private static void writeFeatures(final Writer out, final String prefix, final Map<String, Feature> features)
            throws IOException {
        for (final Map.Entry<String, Feature> entry : new TreeMap<>(features).entrySet()) {
            final StringBuilder line = new StringBuilder(prefix).append(entry.getKey())
                    .append('\t').append(format(entry.getValue().idf()));
            for (final float w : entry.getValue().weights()) {
                line.append('\t').append(format(w));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static String format(final double value) {
        final String text = String.format(Locale.ROOT, "%.4g", value);
        return text.contains("e") || !text.contains(".") ? text : text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static TopicModel read(final BufferedReader reader, final String origin) throws IOException {
        String language = null;
        List<String> topics = null;
        double[] bias = null;
        final Map<String, Feature> title = new HashMap<>();
        final Map<String, Feature> text = new HashMap<>();
        final Map<String, Feature> extra = new HashMap<>();
        final Set<String> common = new HashSet<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final String[] columns = line.split("\t");
            final String where = origin + ":" + number;
            if ("language".equals(columns[0])) {
                language = columns[1];
            } else if ("topics".equals(columns[0])) {
                topics = List.of(Arrays.copyOfRange(columns, 1, columns.length));
            } else if ("bias".equals(columns[0])) {
                bias = numbers(columns, 1, topics, where);
            } else if (COMMON.equals(columns[0])) {
                common.addAll(Arrays.asList(columns).subList(1, columns.length));
            } else if (columns[0].startsWith(TITLE) || columns[0].startsWith(TEXT) || columns[0].startsWith(EXTRA)) {
                final double[] values = numbers(columns, 2, topics, where);
                final float[] weights = new float[values.length];
                for (int k = 0; k < values.length; k++) {
                    weights[k] = (float) values[k];
                }
                final Feature feature = new Feature(parse(columns[1], where), weights);
                (columns[0].startsWith(TITLE) ? title : columns[0].startsWith(TEXT) ? text : extra)
                        .put(columns[0].substring(2), feature);
            } else {
                throw new IllegalArgumentException(where + ": unknown line '" + columns[0]
                        + "' (expected language, topics, bias, common, or a t:/b:/x: feature)");
            }
        }
        if (language == null || topics == null || bias == null) {
            throw new IllegalArgumentException(origin + ": a topic model needs 'language', 'topics' and 'bias' lines");
        }
        return new TopicModel(language, topics, bias, title, text, extra, common);
    }

    private static double[] numbers(final String[] columns, final int from, final List<String> topics,
                                    final String where) {
        if (topics == null) {
            throw new IllegalArgumentException(where + ": the 'topics' line must come first");
        }
        if (columns.length - from != topics.size()) {
            throw new IllegalArgumentException(where + ": expected " + topics.size() + " weights, found "
                    + (columns.length - from));
        }
        final double[] values = new double[topics.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = parse(columns[from + k], where);
        }
        return values;
    }

    private static double parse(final String text, final String where) {
        try {
            return Double.parseDouble(text);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a number", e);
        }
    }
}
