package io.newswire.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import io.newswire.schema.config.TopicNames;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.enrich.EnrichmentSettings;

/**
 * Everything the topology depends on, with defaults in one place: topic names, routes, the dedup window and the
 * enrichment settings. Built from {@code newswire.*} properties (file, environment, command line merged by the
 * caller); keys outside that prefix are Kafka client settings and are ignored here.
 *
 * @param applicationId Kafka Streams application id (also the consumer group and the state directory name)
 * @param topics        topic names
 * @param routes        route name → the enrichment topics that send an item to {@code news.<route>}
 * @param dedupWindow   how long an item is remembered for duplicate detection
 * @param partitions    partitions for topics newswire creates
 * @param replicationFactor replication factor for topics newswire creates, -1 for the broker's default
 * @param enrichment    language, entity and topic settings
 * @param dedup         how near-duplicates, updates and translations are decided
 */
public record PipelineConfig(String applicationId, TopicNames topics, Map<String, Set<String>> routes,
                             Duration dedupWindow, int partitions, short replicationFactor,
                             EnrichmentSettings enrichment, DedupSettings dedup) {

    public static final String PREFIX = "newswire.";

    /** One route per taxonomy topic: an item about security goes to news.security, and so on. */
    public static final List<String> DEFAULT_ROUTES =
        List.of("security", "trade", "economy", "energy", "diplomacy", "health", "sport", "culture");

    /** Replication factor -1: let the broker apply its default.replication.factor. */
    public static final short BROKER_DEFAULT_REPLICATION = -1;


    public PipelineConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(dedupWindow, "dedupWindow");
        Objects.requireNonNull(enrichment, "enrichment");
        Objects.requireNonNull(dedup, "dedup");
        routes = copyRoutes(routes);
        if (dedupWindow.isNegative() || dedupWindow.isZero()) {
            throw new IllegalArgumentException("newswire.dedup.window must be positive, was " + dedupWindow);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("newswire.topic.partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION) {
            throw new IllegalArgumentException(PREFIX + "topic.replication.factor must be at least 1 (or -1 for the "
                + "broker's default), was " + replicationFactor);
        }
        final Set<String> reserved = Set.of(topics.raw(), topics.general(), topics.duplicates(), topics.dlq());
        for (final String route : routes.keySet()) {
            if (!route.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IllegalArgumentException(PREFIX + "routes." + route + ": route name '" + route
                    + "' is not usable in a topic name: use lowercase letters, digits, '-' and '_'");
            }
            if ("general".equals(route) || reserved.contains(topics.route(route))) {
                throw new IllegalArgumentException(PREFIX + "routes." + route + ": route '" + route + "' would write "
                    + "to " + topics.route(route) + ", which newswire uses for something else; name it otherwise");
            }
        }
    }

    /** The defaults: newswire's topic names, one route per taxonomy topic, a 7-day dedup window. */
    public static PipelineConfig defaults() {
        return fromProperties(new Properties());
    }

    /**
     * Reads the {@code newswire.*} keys of {@code properties}; missing keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key and the expected form when a value is not usable
     */
    public static PipelineConfig fromProperties(final Properties properties) {
        final TopicNames defaults = TopicNames.DEFAULTS;
        final TopicNames topics = new TopicNames(
            get(properties, "topic.raw", defaults.raw()),
            get(properties, "topic.route.prefix", defaults.routePrefix()),
            get(properties, "topic.general", defaults.general()),
            get(properties, "topic.duplicates", defaults.duplicates()),
            get(properties, "topic.dlq", defaults.dlq()));
        final String lexicon = properties.getProperty(PREFIX + "enrich.topic.lexicon");
        final String threshold = properties.getProperty(PREFIX + "enrich.topic.threshold");
        EnrichmentSettings enrichment = EnrichmentSettings.defaults();
        if (lexicon != null && !lexicon.isBlank()) {
            enrichment = enrichment.withTopicLexicon(Path.of(lexicon.trim()));
        }
        final String model = properties.getProperty(PREFIX + "enrich.topic.model");
        if (model != null && !model.isBlank()) {
            enrichment = enrichment.withTopicModel(Path.of(model.trim()));
        }
        if (threshold != null && !threshold.isBlank()) {
            enrichment = enrichment.withTopicThreshold(parseDouble("enrich.topic.threshold", threshold));
        }
        final String minLetters = properties.getProperty(PREFIX + "enrich.language.min.letters");
        final String minConfidence = properties.getProperty(PREFIX + "enrich.language.min.confidence");
        if (minLetters != null || minConfidence != null) {
            enrichment = enrichment.withLanguageThresholds(
                minLetters == null ? enrichment.minLanguageLetters()
                    : parseInt("enrich.language.min.letters", minLetters),
                minConfidence == null ? enrichment.minLanguageConfidence()
                    : parseDouble("enrich.language.min.confidence", minConfidence));
        }
        return new PipelineConfig(
            get(properties, "application.id", "newswire"),
            topics,
            routes(properties),
            parseDuration("dedup.window", get(properties, "dedup.window", "P7D")),
            parseInt("topic.partitions", get(properties, "topic.partitions", "3")),
            replicationFactor(get(properties, "topic.replication.factor", "1")),
            enrichment,
            dedupSettings(properties));
    }

    private static DedupSettings dedupSettings(final Properties properties) {
        final DedupSettings defaults = DedupSettings.defaults();
        return new DedupSettings(
            parseDuration("dedup.grace", get(properties, "dedup.grace", defaults.grace().toString())),
            parseDouble("dedup.duplicate.similarity", get(properties, "dedup.duplicate.similarity",
                Double.toString(defaults.duplicateSimilarity()))),
            parseDouble("dedup.update.similarity", get(properties, "dedup.update.similarity",
                Double.toString(defaults.updateSimilarity()))),
            parseDouble("dedup.translation.overlap", get(properties, "dedup.translation.overlap",
                Double.toString(defaults.translationOverlap()))),
            parseInt("dedup.max.candidates", get(properties, "dedup.max.candidates",
                Integer.toString(defaults.maxCandidates()))));
    }

    /** Every topic the pipeline writes, in a stable order: routes, general, duplicates, dlq. */
    public List<String> outputTopics() {
        final List<String> names = new java.util.ArrayList<>();
        routes.keySet().forEach(route -> names.add(topics.route(route)));
        names.add(topics.general());
        names.add(topics.duplicates());
        names.add(topics.dlq());
        return names;
    }

    /** A copy with another application id (tests and replays use fresh ones). */
    public PipelineConfig withApplicationId(final String id) {
        return new PipelineConfig(id, topics, routes, dedupWindow, partitions, replicationFactor, enrichment, dedup);
    }

    /** A copy whose topics are created with {@code count} partitions. */
    public PipelineConfig withPartitions(final int count) {
        return new PipelineConfig(applicationId, topics, routes, dedupWindow, count, replicationFactor, enrichment, dedup);
    }

    /** A copy with other near-duplicate settings. */
    public PipelineConfig withDedup(final DedupSettings settings) {
        return new PipelineConfig(applicationId, topics, routes, dedupWindow, partitions, replicationFactor, enrichment,
            settings);
    }

    /** A copy with another dedup window. */
    public PipelineConfig withDedupWindow(final Duration window) {
        return new PipelineConfig(applicationId, topics, routes, window, partitions, replicationFactor, enrichment, dedup);
    }

    private static Map<String, Set<String>> routes(final Properties properties) {
        final String routePrefix = PREFIX + "routes.";
        final Map<String, Set<String>> configured = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().filter(key -> key.startsWith(routePrefix)).forEach(key -> {
            final Set<String> topicNames = new LinkedHashSet<>();
            Arrays.stream(properties.getProperty(key).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).forEach(topicNames::add);
            if (topicNames.isEmpty()) {
                throw new IllegalArgumentException(key + " is empty: list the topics that send items to this route, "
                    + "e.g. " + key + "=security,defence");
            }
            configured.put(key.substring(routePrefix.length()), topicNames);
        });
        if (!configured.isEmpty()) {
            return configured;
        }
        final Map<String, Set<String>> defaults = new LinkedHashMap<>();
        DEFAULT_ROUTES.forEach(route -> defaults.put(route, Set.of(route)));
        return defaults;
    }

    private static Map<String, Set<String>> copyRoutes(final Map<String, Set<String>> routes) {
        final Map<String, Set<String>> copy = new LinkedHashMap<>();
        routes.forEach((route, topicNames) -> copy.put(route, Set.copyOf(topicNames)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static short replicationFactor(final String value) {
        final int factor = parseInt("topic.replication.factor", value);
        if ((factor < 1 || factor > Short.MAX_VALUE) && factor != BROKER_DEFAULT_REPLICATION) {
            throw new IllegalArgumentException(PREFIX + "topic.replication.factor must be between 1 and "
                + Short.MAX_VALUE + " (or -1 for the broker's default), was " + value);
        }
        return (short) factor;
    }

    private static String get(final Properties properties, final String key, final String fallback) {
        final String value = properties.getProperty(PREFIX + key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int parseInt(final String key, final String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static double parseDouble(final String key, final String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a number, was '" + value + "'", e);
        }
    }

    /** Accepts ISO-8601 ({@code P7D}, {@code PT12H}) and short forms ({@code 7d}, {@code 12h}, {@code 30m}). */
    static Duration parseDuration(final String key, final String value) {
        try {
            return Durations.parse(value);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a duration like 7d, 12h or P7D, was '"
                + value + "'", e);
        }
    }
}
