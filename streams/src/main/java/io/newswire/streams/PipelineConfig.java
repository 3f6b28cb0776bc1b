package io.newswire.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.newswire.schema.config.TopicNames;
import io.newswire.schema.serde.SchemaRegistrySettings;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.dedup.FingerprintSettings;
import io.newswire.streams.enrich.EnrichmentSettings;

/**
 * Everything the topology depends on, with defaults in one place: topic names, routes, the dedup window, the
 * enrichment, dedup and fingerprint settings. Built from {@code newswire.*} properties (file, environment, command
 * line merged by the caller), as {@link NewswireConfigDef} defines them; keys outside that prefix are Kafka client
 * settings and are ignored here.
 *
 * @param applicationId Kafka Streams application id (also the consumer group and the state directory name)
 * @param topics        topic names
 * @param routes        route name → the enrichment topics that send an item to {@code news.<route>}
 * @param dedupWindow   how long an item is remembered for duplicate detection
 * @param partitions    partitions for topics newswire creates
 * @param replicationFactor replication factor for topics newswire creates, -1 for the broker's default
 * @param enrichment    language, entity and topic settings
 * @param dedup         how near-duplicates, updates and translations are decided
 * @param fingerprint   how near-duplicate fingerprints are made (shingle size, LSH bands)
 * @param schemaRegistry where values' schemas are registered in schema registry mode; {@code NONE} for single-object
 */
public record PipelineConfig(String applicationId, TopicNames topics, Map<String, Set<String>> routes,
                             Duration dedupWindow, int partitions, short replicationFactor,
                             EnrichmentSettings enrichment, DedupSettings dedup, FingerprintSettings fingerprint,
                             SchemaRegistrySettings schemaRegistry) {

    public static final String PREFIX = "newswire.";

    /**
     * One route per taxonomy topic but technology: an item about security goes to news.security, and so on. Science
     * and technology is scored and carried on the item, and reaches news.general unless a configured route names it.
     */
    public static final List<String> DEFAULT_ROUTES =
        List.of("security", "trade", "economy", "energy", "diplomacy", "health", "sport", "culture");

    /** Replication factor -1: let the broker apply its default.replication.factor. */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    // Defaults of the keys that have no settings class of their own; NewswireConfigDef takes them from here.
    public static final String DEFAULT_APPLICATION_ID = "newswire";
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofDays(7);
    public static final int DEFAULT_PARTITIONS = 3;
    public static final short DEFAULT_REPLICATION_FACTOR = 1;

    public PipelineConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(dedupWindow, "dedupWindow");
        Objects.requireNonNull(enrichment, "enrichment");
        Objects.requireNonNull(dedup, "dedup");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(schemaRegistry, "schemaRegistry");
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

    /** A configuration without a schema registry (single-object encoding). */
    public PipelineConfig(final String applicationId, final TopicNames topics, final Map<String, Set<String>> routes,
                          final Duration dedupWindow, final int partitions, final short replicationFactor,
                          final EnrichmentSettings enrichment, final DedupSettings dedup,
                          final FingerprintSettings fingerprint) {
        this(applicationId, topics, routes, dedupWindow, partitions, replicationFactor, enrichment, dedup, fingerprint,
            SchemaRegistrySettings.NONE);
    }

    /** The defaults: newswire's topic names, the {@link #DEFAULT_ROUTES}, a 7-day window, the settings' defaults. */
    public static PipelineConfig defaults() {
        return fromProperties(new Properties());
    }

    /**
     * Reads the {@code newswire.*} keys of {@code properties} through {@link NewswireConfigDef}; missing or blank keys
     * take their defaults.
     *
     * @throws IllegalArgumentException naming the key: an unknown one (with the nearest known key), or a value that
     *                                  is not usable (with the value and the expected form)
     */
    public static PipelineConfig fromProperties(final Properties properties) {
        final Map<String, Object> values = NewswireConfigDef.parse(properties);
        final TopicNames topics = new TopicNames(
            (String) values.get(NewswireConfigDef.TOPIC_RAW),
            (String) values.get(NewswireConfigDef.TOPIC_ROUTE_PREFIX),
            (String) values.get(NewswireConfigDef.TOPIC_GENERAL),
            (String) values.get(NewswireConfigDef.TOPIC_DUPLICATES),
            (String) values.get(NewswireConfigDef.TOPIC_DLQ));
        return new PipelineConfig(
            (String) values.get(NewswireConfigDef.APPLICATION_ID),
            topics,
            routes(properties),
            duration(values, NewswireConfigDef.DEDUP_WINDOW),
            (Integer) values.get(NewswireConfigDef.TOPIC_PARTITIONS),
            ((Integer) values.get(NewswireConfigDef.TOPIC_REPLICATION_FACTOR)).shortValue(),
            enrichment(values),
            dedupSettings(values),
            fingerprintSettings(values),
            SchemaRegistrySettings.from((String) values.get(NewswireConfigDef.SCHEMA_REGISTRY_URL), properties));
    }

    private static EnrichmentSettings enrichment(final Map<String, Object> values) {
        return new EnrichmentSettings(
            Optional.ofNullable((String) values.get(NewswireConfigDef.ENRICH_TOPIC_LEXICON)).map(Path::of),
            Optional.ofNullable((String) values.get(NewswireConfigDef.ENRICH_TOPIC_MODEL)).map(Path::of),
            (Double) values.get(NewswireConfigDef.ENRICH_TOPIC_THRESHOLD),
            (Integer) values.get(NewswireConfigDef.ENRICH_LANGUAGE_MIN_LETTERS),
            (Double) values.get(NewswireConfigDef.ENRICH_LANGUAGE_MIN_CONFIDENCE),
            EnrichmentSettings.defaults().languageMaxChars(),
            (Boolean) values.get(NewswireConfigDef.ENRICH_TOPIC_EMBEDDING));
    }

    private static DedupSettings dedupSettings(final Map<String, Object> values) {
        return new DedupSettings(
            duration(values, NewswireConfigDef.DEDUP_GRACE),
            (Double) values.get(NewswireConfigDef.DEDUP_DUPLICATE_SIMILARITY),
            (Double) values.get(NewswireConfigDef.DEDUP_UPDATE_SIMILARITY),
            (Double) values.get(NewswireConfigDef.DEDUP_TRANSLATION_OVERLAP),
            (Integer) values.get(NewswireConfigDef.DEDUP_MAX_CANDIDATES));
    }

    private static FingerprintSettings fingerprintSettings(final Map<String, Object> values) {
        final int bands = (Integer) values.get(NewswireConfigDef.DEDUP_BANDS);
        final int rows = (Integer) values.get(NewswireConfigDef.DEDUP_ROWS_PER_BAND);
        try {
            return new FingerprintSettings((Integer) values.get(NewswireConfigDef.DEDUP_SHINGLE_WORDS), bands, rows);
        } catch (final IllegalArgumentException e) {
            // Each key is within its range by now; what is left is a limit on the two together.
            throw new IllegalArgumentException(NewswireConfigDef.DEDUP_BANDS + "=" + bands + " with "
                + NewswireConfigDef.DEDUP_ROWS_PER_BAND + "=" + rows + " is not usable: " + e.getMessage()
                + "; lower one of them", e);
        }
    }

    /** The value was checked by the definition's validator, so it parses. */
    private static Duration duration(final Map<String, Object> values, final String key) {
        return Durations.parse((String) values.get(key));
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
        return new PipelineConfig(id, topics, routes, dedupWindow, partitions, replicationFactor, enrichment, dedup,
            fingerprint, schemaRegistry);
    }

    /** A copy whose topics are created with {@code count} partitions. */
    public PipelineConfig withPartitions(final int count) {
        return new PipelineConfig(applicationId, topics, routes, dedupWindow, count, replicationFactor, enrichment,
            dedup, fingerprint, schemaRegistry);
    }

    /** A copy with other near-duplicate settings. */
    public PipelineConfig withDedup(final DedupSettings settings) {
        return new PipelineConfig(applicationId, topics, routes, dedupWindow, partitions, replicationFactor, enrichment,
            settings, fingerprint, schemaRegistry);
    }

    /** A copy with another dedup window. */
    public PipelineConfig withDedupWindow(final Duration window) {
        return new PipelineConfig(applicationId, topics, routes, window, partitions, replicationFactor, enrichment,
            dedup, fingerprint, schemaRegistry);
    }

    /**
     * A copy with other fingerprint settings. Fingerprints made with different settings do not compare, so a
     * running application needs a new application id (fresh dedup state) when they change.
     */
    public PipelineConfig withFingerprint(final FingerprintSettings settings) {
        return new PipelineConfig(applicationId, topics, routes, dedupWindow, partitions, replicationFactor, enrichment,
            dedup, settings, schemaRegistry);
    }

    /** A copy in schema registry mode with {@code registry}, or single-object mode with {@code NONE}. */
    public PipelineConfig withSchemaRegistry(final SchemaRegistrySettings registry) {
        return new PipelineConfig(applicationId, topics, routes, dedupWindow, partitions, replicationFactor, enrichment,
            dedup, fingerprint, registry);
    }

    private static Map<String, Set<String>> routes(final Properties properties) {
        final String routePrefix = NewswireConfigDef.ROUTES_PREFIX;
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
}
