package io.newswire.streams.enrich.eval;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.newswire.streams.enrich.EnrichmentSettings;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.enrich.Token;
import io.newswire.streams.enrich.TopicClassifier;
import io.newswire.streams.enrich.TopicLexicon;
import io.newswire.streams.enrich.TopicModel;
import io.newswire.streams.enrich.TopicScoring;

/**
 * Training tool (not a test): trains the English {@link TopicModel} on the labelled items of
 * {@code kremlin-en-dev.jsonl}, reports its k-fold cross-validated precision, recall and F1 per topic (every item is
 * scored by a model that never saw it), then trains on all labelled items and writes the model file.
 *
 * <p>One L2-regularized logistic regression per topic (LIBLINEAR, the solver scikit-learn also uses), classes
 * weighted by the square root of their inverse frequency, so that rare topics (energy: 84 of 2,552 items) are not
 * drowned by the rest (full inverse-frequency weights over-predict them: 0.769 against 0.774, in {@code TOPICS.md}).
 * Labels are read here and only here; the pipeline reads the model file.
 *
 * <p>Arguments: {@code CORPUS_JSONL OUTPUT_TSV [C] [FOLDS] [SPLITS]}; how to run it is in {@code TOPICS.md}. With
 * SPLITS above 1, the cross-validation is repeated over that many random fold splits and the macro-F1 of each is
 * printed with their mean: on 2,552 items one split's figure moves by ±0.01 with the split alone.
 */
public final class TopicModelTrainer {

    static final double DEFAULT_C = 4096.0;
    static final int DEFAULT_FOLDS = 5;
    /** A word must be in at least this many training items to become a feature. */
    private static final int MIN_DF = 2;
    /** A text word found in more than this share of the items says nothing about any topic. */
    private static final double MAX_DF_SHARE = 0.5;
    private static final double THRESHOLD = EnrichmentSettings.DEFAULT_TOPIC_THRESHOLD;

    /** One labelled item as the model sees it, and the mapped editors' topics. */
    record Sample(Map<String, Integer> title, Map<String, Integer> text, Set<String> gold, double[] lexicon) {
    }

    /** The lexicon's scores are features too: they carry what the model cannot learn from 2,552 items. */
    private static final TopicClassifier LEXICON = new TopicClassifier(TopicLexicon.bundled(), TopicScoring.DEFAULT,
            0.0);
    private static final List<String> LEXICON_TOPICS = LEXICON.topics();

    private TopicModelTrainer() {
    }

    public static void main(final String[] args) throws Exception {
        final Path corpus = Path.of(args[0]);
        final Path output = Path.of(args[1]);
        final double c = args.length > 2 ? Double.parseDouble(args[2]) : DEFAULT_C;
        final int folds = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_FOLDS;
        final int splits = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Linear.disableDebugOutput();
        final List<Sample> samples = samples(KremlinCorpus.read(corpus));
        final List<String> topics = TopicsEval.MEASURED;
        System.out.printf(Locale.ROOT, "%d labelled items, C = %s, %d-fold cross-validation%n%n", samples.size(), c,
                folds);
        final double[] sums = crossValidate(samples, topics, c, folds, 1, true);
        for (int split = 2; split <= splits; split++) {
            final double[] macro = crossValidate(samples, topics, c, folds, split, false);
            System.out.printf(Locale.ROOT, "%nsplit %d: macro-F1 (6 topics) model alone %.3f, classifier %.3f", split,
                    macro[0], macro[1]);
            sums[0] += macro[0];
            sums[1] += macro[1];
        }
        if (splits > 1) {
            System.out.printf(Locale.ROOT, "%n%nmean over %d fold splits: model alone %.4f, classifier %.4f%n", splits,
                    sums[0] / splits, sums[1] / splits);
        }
        final TopicModel model = train(samples, topics, c);
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            model.write(out, List.of(
                    "English topic model of io.newswire.streams.enrich.TopicModel, written by TopicModelTrainer.",
                    "Trained on the " + samples.size() + " items of kremlin-en-dev.jsonl that carry editors' topics "
                            + "(content (c) President of Russia website, kremlin.ru, CC BY 4.0).",
                    "L2 logistic regression per topic, C = " + c + ", class weights the square root of balanced; see "
                            + "eval/TOPICS.md.",
                    "Columns: feature (t: title word, b: text word, x: the lexicon's score of a topic and its square), "
                            + "idf, one weight per topic."));
        }
        System.out.println("\nwrote " + output);
    }

    static List<Sample> samples(final List<KremlinCorpus.Entry> entries) {
        final List<Sample> samples = new ArrayList<>();
        for (final KremlinCorpus.Entry entry : entries) {
            if (entry.editorTopics().isEmpty()) {
                continue;
            }
            final Set<String> gold = new HashSet<>();
            entry.editorTopics().stream().filter(TopicsEval.GOLD::containsKey)
                    .forEach(topic -> gold.add(TopicsEval.GOLD.get(topic)));
            final String all = ItemText.of(entry.item());
            final Map<String, Double> lex = LEXICON.scores(entry.item().getTitle(), all);
            final double[] lexicon = LEXICON_TOPICS.stream().mapToDouble(t -> lex.getOrDefault(t, 0.0)).toArray();
            samples.add(new Sample(TopicModel.counts(Token.of(entry.item().getTitle())),
                    TopicModel.counts(Token.of(all)), gold, lexicon));
        }
        return samples;
    }

    /**
     * Cross-validates over one random fold split ({@code split} seeds it), prints the per-topic tables if asked, and
     * returns the macro-F1 over the 6 routed topics of the model alone and of what the classifier gives.
     */
    static double[] crossValidate(final List<Sample> samples, final List<String> topics, final double c,
                                  final int folds, final long split, final boolean print) {
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(split));
        final double[][] predicted = new double[samples.size()][];
        final TopicModel[] models = new TopicModel[samples.size()];
        for (int fold = 0; fold < folds; fold++) {
            final List<Sample> training = new ArrayList<>();
            final List<Integer> held = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                if (i % folds == fold) {
                    held.add(order.get(i));
                } else {
                    training.add(samples.get(order.get(i)));
                }
            }
            final TopicModel model = train(training, topics, c);
            for (final int i : held) {
                models[i] = model;
                predicted[i] = model.probabilities(tokens(samples.get(i).title()), tokens(samples.get(i).text()),
                        extras(samples.get(i)));
            }
        }
        final double modelAlone = report(samples, topics, predicted, print);
        // What TopicClassifier gives: where the item is unlike the training data, a topic the lexicon is sure of
        // stands beside the model.
        final double[][] combined = new double[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            combined[i] = new double[topics.size()];
            final boolean unfamiliar = TopicClassifier.unfamiliar(models[i], tokens(samples.get(i).text()),
                    predicted[i], TopicScoring.DEFAULT.shortWords());
            for (int k = 0; k < topics.size(); k++) {
                final int q = LEXICON_TOPICS.indexOf(topics.get(k));
                combined[i][k] = TopicClassifier.combined(predicted[i][k],
                        q < 0 ? 0.0 : samples.get(i).lexicon()[q], unfamiliar);
            }
        }
        if (print) {
            System.out.printf(Locale.ROOT, "%nWhat TopicClassifier gives: the model, or the lexicon where it scores "
                    + ">= %.2f and under %.2f of the item's words are known to the model (or, under %d words, no topic "
                    + "of the model's at %.2f):%n%n", TopicClassifier.LEXICON_SURE, TopicClassifier.FAMILIAR,
                    TopicScoring.DEFAULT.shortWords(), TopicClassifier.MODEL_QUIET);
        }
        return new double[] {modelAlone, report(samples, topics, combined, print)};
    }

    static Map<String, Double> extras(final Sample sample) {
        final Map<String, Double> extras = new HashMap<>();
        for (int q = 0; q < LEXICON_TOPICS.size(); q++) {
            extras.put(TopicModel.LEXICON_FEATURE + LEXICON_TOPICS.get(q), sample.lexicon()[q]);
        }
        return extras;
    }

    /** Rebuilds a token list from counts: the model only looks at counts, so order does not matter. */
    private static List<Token> tokens(final Map<String, Integer> counts) {
        final List<Token> tokens = new ArrayList<>();
        counts.forEach((word, n) -> {
            for (int k = 0; k < n; k++) {
                tokens.add(new Token(word, word));
            }
        });
        return tokens;
    }

    /** Prints the per-topic table if asked; returns the macro-F1 over the 6 routed topics (without culture). */
    private static double report(final List<Sample> samples, final List<String> topics, final double[][] predicted,
                                 final boolean print) {
        final StringBuilder table = new StringBuilder(
                "| topic | support | precision | recall | F1 |\n|---|---|---|---|---|\n");
        double sum6 = 0.0;
        double sum7 = 0.0;
        for (int k = 0; k < topics.size(); k++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < samples.size(); i++) {
                final boolean gold = samples.get(i).gold().contains(topics.get(k));
                final boolean said = predicted[i][k] >= THRESHOLD;
                tp += gold && said ? 1 : 0;
                fp += !gold && said ? 1 : 0;
                fn += gold && !said ? 1 : 0;
            }
            final double p = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
            final double r = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
            final double f1 = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", topics.get(k), tp + fn, p, r,
                    f1));
            sum7 += f1;
            sum6 += "culture".equals(topics.get(k)) ? 0.0 : f1;
        }
        table.append(String.format(Locale.ROOT, "| **macro, 6 routed topics without culture** | | | | **%.3f** |%n",
                sum6 / (topics.size() - 1)));
        table.append(String.format(Locale.ROOT, "| macro, all %d | | | | %.3f |%n", topics.size(),
                sum7 / topics.size()));
        if (print) {
            System.out.print(table);
        }
        return sum6 / (topics.size() - 1);
    }

    static TopicModel train(final List<Sample> samples, final List<String> topics, final double c) {
        final Vocabulary title = Vocabulary.of(samples, true, 1);
        final Vocabulary text = Vocabulary.of(samples, false, title.size() + 1);
        final int lexFirst = title.size() + text.size() + 1;
        final int squaredFirst = lexFirst + LEXICON_TOPICS.size();
        final int biasIndex = squaredFirst + LEXICON_TOPICS.size();
        final Problem problem = new Problem();
        problem.l = samples.size();
        problem.n = biasIndex;
        problem.bias = 1.0;
        problem.x = new Feature[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            final List<FeatureNode> nodes = new ArrayList<>(title.vector(samples.get(i).title()));
            nodes.addAll(text.vector(samples.get(i).text()));
            for (int q = 0; q < LEXICON_TOPICS.size(); q++) {
                if (samples.get(i).lexicon()[q] != 0.0) {
                    nodes.add(new FeatureNode(lexFirst + q, samples.get(i).lexicon()[q]));
                }
            }
            for (int q = 0; q < LEXICON_TOPICS.size(); q++) {
                final double score = samples.get(i).lexicon()[q];
                if (score != 0.0) {
                    nodes.add(new FeatureNode(squaredFirst + q, score * score));
                }
            }
            nodes.add(new FeatureNode(biasIndex, 1.0));
            problem.x[i] = nodes.toArray(new Feature[0]);
        }
        final double[] bias = new double[topics.size()];
        final double[][] weights = new double[topics.size()][];
        for (int k = 0; k < topics.size(); k++) {
            final String topic = topics.get(k);
            problem.y = new double[samples.size()];
            int positives = 0;
            for (int i = 0; i < samples.size(); i++) {
                problem.y[i] = samples.get(i).gold().contains(topic) ? 1.0 : 0.0;
                positives += (int) problem.y[i];
            }
            final Parameter parameter = new Parameter(SolverType.L2R_LR, c, 0.001);
            final int n = samples.size();
            parameter.setWeights(new double[] {Math.sqrt(n / (2.0 * Math.max(1, positives))),
                Math.sqrt(n / (2.0 * Math.max(1, n - positives)))}, new int[] {1, 0});
            final Model model = Linear.train(problem, parameter);
            final double sign = model.getLabels()[0] == 1 ? 1.0 : -1.0;
            final double[] w = model.getFeatureWeights();
            weights[k] = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                weights[k][j] = sign * w[j];
            }
            bias[k] = weights[k][biasIndex - 1];
        }
        final Map<String, TopicModel.Feature> extra = new HashMap<>();
        for (int q = 0; q < LEXICON_TOPICS.size(); q++) {
            final float[] w = new float[topics.size()];
            for (int k = 0; k < topics.size(); k++) {
                w[k] = (float) weights[k][lexFirst + q - 1];
            }
            extra.put(TopicModel.LEXICON_FEATURE + LEXICON_TOPICS.get(q), new TopicModel.Feature(1.0, w));
            final float[] squared = new float[topics.size()];
            for (int k = 0; k < topics.size(); k++) {
                squared[k] = (float) weights[k][squaredFirst + q - 1];
            }
            extra.put(TopicModel.LEXICON_SQUARED + LEXICON_TOPICS.get(q), new TopicModel.Feature(1.0, squared));
        }
        return new TopicModel("en", topics, bias, title.features(weights), text.features(weights), extra,
                text.common());
    }

    /** The words of one part that become features, with their idf and their index in the problem. */
    private record Vocabulary(Map<String, Integer> index, Map<String, Double> idf, int first, Set<String> common) {

        static Vocabulary of(final List<Sample> samples, final boolean titles, final int first) {
            final Map<String, Integer> df = new HashMap<>();
            for (final Sample sample : samples) {
                (titles ? sample.title() : sample.text()).keySet().forEach(word -> df.merge(word, 1, Integer::sum));
            }
            final int maxDf = titles ? Integer.MAX_VALUE : (int) (MAX_DF_SHARE * samples.size());
            final List<String> words = df.entrySet().stream()
                    .filter(e -> e.getValue() >= MIN_DF && e.getValue() <= maxDf)
                    .map(Map.Entry::getKey).sorted().toList();
            final Map<String, Integer> index = new HashMap<>();
            final Map<String, Double> idf = new HashMap<>();
            for (int j = 0; j < words.size(); j++) {
                index.put(words.get(j), first + j);
                idf.put(words.get(j), Math.log((1.0 + samples.size()) / (1.0 + df.get(words.get(j)))) + 1.0);
            }
            final Set<String> common = new HashSet<>();
            df.forEach((word, n) -> {
                if (n > maxDf) {
                    common.add(word);
                }
            });
            return new Vocabulary(index, idf, first, common);
        }

        int size() {
            return index.size();
        }

        /** The part's TF-IDF vector, unit length, sorted by index as LIBLINEAR wants it. */
        List<FeatureNode> vector(final Map<String, Integer> counts) {
            final List<FeatureNode> nodes = new ArrayList<>();
            double norm = 0.0;
            for (final Map.Entry<String, Integer> word : counts.entrySet()) {
                final Integer j = index.get(word.getKey());
                if (j != null) {
                    final double value = (1.0 + Math.log(word.getValue())) * idf.get(word.getKey());
                    nodes.add(new FeatureNode(j, value));
                    norm += value * value;
                }
            }
            final double scale = norm == 0.0 ? 0.0 : 1.0 / Math.sqrt(norm);
            nodes.forEach(node -> node.setValue(node.getValue() * scale));
            nodes.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
            return nodes;
        }

        Map<String, TopicModel.Feature> features(final double[][] weights) {
            final Map<String, TopicModel.Feature> features = new HashMap<>();
            index.forEach((word, j) -> {
                final float[] w = new float[weights.length];
                for (int k = 0; k < weights.length; k++) {
                    w[k] = (float) weights[k][j - 1];
                }
                features.put(word, new TopicModel.Feature(idf.get(word), w));
            });
            return features;
        }
    }
}
