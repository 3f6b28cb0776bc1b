package io.newswire.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.newswire.schema.config.Limits;
import io.newswire.schema.config.TopicNames;
import io.newswire.streams.dedup.DedupSettings;
import io.newswire.streams.dedup.FingerprintSettings;
import io.newswire.streams.enrich.EnrichmentSettings;
import opennlp.tools.util.StringUtil;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Every {@code newswire.*} setting as a Kafka {@link ConfigDef}: type, default (taken from the defaults classes),
 * the values it accepts and one line of documentation. Reads the {@code newswire.*} keys of merged properties into
 * typed values; a {@code newswire.*} key it does not define is an error naming the nearest one it does.
 * {@code newswire.routes.<route>} is a family of keys, one per route, read by {@link PipelineConfig}.
 */
public final class NewswireConfigDef {

    public static final String PREFIX = PipelineConfig.PREFIX;
    /** {@code newswire.routes.<route>=<topic>[,<topic>…]}: any route name. */
    public static final String ROUTES_PREFIX = PREFIX + "routes.";

    public static final String APPLICATION_ID = PREFIX + "application.id";
    public static final String TOPIC_RAW = PREFIX + "topic.raw";
    public static final String TOPIC_ROUTE_PREFIX = PREFIX + "topic.route.prefix";
    public static final String TOPIC_GENERAL = PREFIX + "topic.general";
    public static final String TOPIC_DUPLICATES = PREFIX + "topic.duplicates";
    public static final String TOPIC_DLQ = PREFIX + "topic.dlq";
    public static final String TOPIC_PARTITIONS = PREFIX + "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = PREFIX + "topic.replication.factor";
    public static final String DEDUP_WINDOW = PREFIX + "dedup.window";
    public static final String DEDUP_GRACE = PREFIX + "dedup.grace";
    public static final String DEDUP_DUPLICATE_SIMILARITY = PREFIX + "dedup.duplicate.similarity";
    public static final String DEDUP_UPDATE_SIMILARITY = PREFIX + "dedup.update.similarity";
    public static final String DEDUP_TRANSLATION_OVERLAP = PREFIX + "dedup.translation.overlap";
    public static final String DEDUP_MAX_CANDIDATES = PREFIX + "dedup.max.candidates";
    public static final String DEDUP_SHINGLE_WORDS = PREFIX + "dedup.shingle.words";
    public static final String DEDUP_BANDS = PREFIX + "dedup.bands";
    public static final String DEDUP_ROWS_PER_BAND = PREFIX + "dedup.rows.per.band";
    public static final String ENRICH_TOPIC_LEXICON = PREFIX + "enrich.topic.lexicon";
    public static final String ENRICH_TOPIC_MODEL = PREFIX + "enrich.topic.model";
    public static final String ENRICH_TOPIC_THRESHOLD = PREFIX + "enrich.topic.threshold";
    public static final String ENRICH_TOPIC_EMBEDDING = PREFIX + "enrich.topic.embedding";
    public static final String ENRICH_LANGUAGE_MIN_LETTERS = PREFIX + "enrich.language.min.letters";
    public static final String ENRICH_LANGUAGE_MIN_CONFIDENCE = PREFIX + "enrich.language.min.confidence";
    public static final String INPUT_MAX_BYTES = PREFIX + "input.max.bytes";
    public static final String SCHEMA_REGISTRY_URL = PREFIX + "schema.registry.url";
    public static final String OPS_HTTP_PORT = PREFIX + "ops.http.port";
    public static final String OPS_LAG_REFRESH = PREFIX + "ops.lag.refresh";
    public static final String OPS_LAG_WINDOW = PREFIX + "ops.lag.window";
    public static final String OPS_ALERT_RECORDS = PREFIX + "ops.alert.records";
    public static final String OPS_ALERT_LAG = PREFIX + "ops.alert.lag";
    public static final String OPS_READY_LAG = PREFIX + "ops.ready.lag";

    /** Where a user finds the keys, for messages about one that does not exist. */
    public static final String DOCUMENTED_IN = "config/newswire.properties and the README's \"Configuration\" section";

    // Kafka's rule for topic names; Kafka Streams also builds its internal topics' names from the application id.
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private static final ConfigDef DEFINITION = define();

    private NewswireConfigDef() {
    }

    /** A copy of the definition (a ConfigDef can be added to, so the shared one is not handed out). */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /** The defined keys, in definition order; {@code newswire.routes.<route>} is not among them. */
    public static Set<String> keys() {
        // configKeys() is the definition's own map: a view of it would let a caller remove keys.
        return Collections.unmodifiableSet(new LinkedHashSet<>(DEFINITION.configKeys().keySet()));
    }

    /** Whether newswire reads {@code key}: a defined key or a {@code newswire.routes.<route>}. */
    public static boolean isKnown(final String key) {
        return key.startsWith(ROUTES_PREFIX) || DEFINITION.names().contains(key);
    }

    /**
     * The known key closest to {@code unknownKey} by edit distance, when one is close enough to be a likely typo:
     * at most 2 edits, or a third of the key (after {@code newswire.}) for longer keys.
     */
    public static Optional<String> nearestKey(final String unknownKey) {
        final String typed = unknownKey.startsWith(PREFIX) ? unknownKey.substring(PREFIX.length()) : unknownKey;
        final List<String> candidates = new ArrayList<>();
        keys().forEach(key -> candidates.add(key.substring(PREFIX.length())));
        // "route.markets" and "routing.markets" mean a route: offer the routes family with the same route name.
        final int dot = typed.indexOf('.');
        if (dot > 0 && dot < typed.length() - 1) {
            candidates.add(ROUTES_PREFIX.substring(PREFIX.length()) + typed.substring(dot + 1));
        }
        final int allowed = Math.max(2, typed.length() / 3);
        return candidates.stream()
            .min(Comparator.comparingInt(candidate -> editDistance(typed, candidate)))
            .filter(nearest -> editDistance(typed, nearest) <= allowed)
            .map(nearest -> PREFIX + nearest);
    }

    /** {@code unknown setting newswire.dedup.grase: did you mean newswire.dedup.grace?}, or where keys are listed. */
    public static String unknownKeyMessage(final String key) {
        return "unknown setting " + key + nearestKey(key).map(nearest -> ": did you mean " + nearest + "?")
            .orElse(": the settings are listed in " + DOCUMENTED_IN);
    }

    /**
     * Reads the {@code newswire.*} keys of {@code properties} (other keys are Kafka's, and are left alone); missing
     * or blank keys take their defaults. Keys of {@code newswire.routes.<route>} are accepted and not returned.
     *
     * @return every defined key with its typed value (String, Integer, Long or Double; durations as text, read them
     *         with {@link Durations#parse})
     * @throws IllegalArgumentException naming the key: unknown (with the nearest known key), or a value that is not
     *                                  usable (with the value and the expected form)
     */
    public static Map<String, Object> parse(final Properties properties) {
        final Map<String, String> given = new LinkedHashMap<>();
        for (final String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!key.startsWith(PREFIX) || key.startsWith(ROUTES_PREFIX)) {
                continue;
            }
            if (!isKnown(key)) {
                throw new IllegalArgumentException(unknownKeyMessage(key));
            }
            final String value = properties.getProperty(key);
            // A blank value (an empty environment variable, "key=" in a file) has always meant the default.
            if (!value.isBlank()) {
                given.put(key, value);
            }
        }
        final Map<String, ConfigValue> validated = DEFINITION.validateAll(given);
        final List<String> problems = new ArrayList<>();
        DEFINITION.configKeys().forEach((name, key) -> {
            if (!validated.get(name).errorMessages().isEmpty()) {
                problems.add(name + " must be " + expected(key) + ", was '" + given.get(name) + "'");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return DEFINITION.parse(given);
    }

    private static String expected(final ConfigDef.ConfigKey key) {
        return key.validator != null ? key.validator.toString() : "a value of type " + key.type;
    }

    private static ConfigDef define() {
        final TopicNames topics = TopicNames.DEFAULTS;
        final DedupSettings dedup = DedupSettings.defaults();
        final FingerprintSettings fingerprint = FingerprintSettings.defaults();
        final EnrichmentSettings enrichment = EnrichmentSettings.defaults();
        final Expected topicName = new Expected("a topic name of letters, digits, '.', '_' and '-'",
            value -> TOPIC_NAME.matcher((String) value).matches());
        final Expected share = new Expected("a number from 0 to 1",
            value -> (Double) value >= 0.0 && (Double) value <= 1.0);
        return new ConfigDef()
            .define(APPLICATION_ID, Type.STRING, PipelineConfig.DEFAULT_APPLICATION_ID,
                new Expected("a name of letters, digits, '.', '_' and '-'",
                    value -> TOPIC_NAME.matcher((String) value).matches()),
                Importance.HIGH, "Kafka Streams application id: instances with the same id share the work and the "
                    + "dedup state.")
            .define(TOPIC_RAW, Type.STRING, topics.raw(), topicName, Importance.HIGH,
                "Topic of parsed wire items, the pipeline's input.")
            .define(TOPIC_ROUTE_PREFIX, Type.STRING, topics.routePrefix(),
                new Expected("a topic name prefix of letters, digits, '.', '_' and '-'",
                    value -> TOPIC_NAME.matcher((String) value).matches()),
                Importance.HIGH, "Prefix of the route topics: route 'security' writes to <prefix>security.")
            .define(TOPIC_GENERAL, Type.STRING, topics.general(), topicName, Importance.HIGH,
                "Topic of items that matched no route.")
            .define(TOPIC_DUPLICATES, Type.STRING, topics.duplicates(), topicName, Importance.HIGH,
                "Topic of dedup decisions.")
            .define(TOPIC_DLQ, Type.STRING, topics.dlq(), topicName, Importance.HIGH,
                "Topic of records that failed a stage.")
            .define(TOPIC_PARTITIONS, Type.INT, PipelineConfig.DEFAULT_PARTITIONS,
                new Expected("a whole number of at least 1", value -> (Integer) value >= 1),
                Importance.MEDIUM, "Partitions of the topics newswire creates when they are missing.")
            .define(TOPIC_REPLICATION_FACTOR, Type.INT, (int) PipelineConfig.DEFAULT_REPLICATION_FACTOR,
                new Expected("a whole number from 1 to " + Short.MAX_VALUE + ", or -1 for the broker's default",
                    value -> (Integer) value == PipelineConfig.BROKER_DEFAULT_REPLICATION
                        || (Integer) value >= 1 && (Integer) value <= Short.MAX_VALUE),
                Importance.MEDIUM, "Replication factor of the topics newswire creates, -1 for the broker's default.")
            .define(DEDUP_WINDOW, Type.STRING, PipelineConfig.DEFAULT_DEDUP_WINDOW.toString(),
                duration("a positive duration like 7d, 12h or P7D", window -> !window.isNegative() && !window.isZero()),
                Importance.HIGH, "How long an item is remembered for duplicate detection.")
            .define(DEDUP_GRACE, Type.STRING, dedup.grace().toString(),
                duration("a duration like 2s, 500ms or PT2S, zero or more", grace -> !grace.isNegative()),
                Importance.MEDIUM, "How far behind its news.raw partition an item may arrive and still be compared as if "
                    + "it had come in order; every item waits until each partition has passed its event time plus this.")
            .define(DEDUP_DUPLICATE_SIMILARITY, Type.DOUBLE, dedup.duplicateSimilarity(), share, Importance.MEDIUM,
                "Estimated similarity from which a same-language item is the same text.")
            .define(DEDUP_UPDATE_SIMILARITY, Type.DOUBLE, dedup.updateSimilarity(), share, Importance.MEDIUM,
                "Similarity from which a re-send of the same URL or a correction is an update.")
            .define(DEDUP_TRANSLATION_OVERLAP, Type.DOUBLE, dedup.translationOverlap(), share, Importance.MEDIUM,
                "Least share of numbers and named entities two translations must have in common.")
            .define(DEDUP_MAX_CANDIDATES, Type.INT, dedup.maxCandidates(),
                new Expected("a whole number of at least 1", value -> (Integer) value >= 1),
                Importance.LOW, "The most earlier items one item is compared with (those sharing the most blocking keys "
                    + "with it, then the earliest).")
            .define(DEDUP_SHINGLE_WORDS, Type.INT, fingerprint.shingleWords(),
                new Expected("a whole number from 1 to " + FingerprintSettings.MAX_SHINGLE_WORDS,
                    value -> (Integer) value >= 1 && (Integer) value <= FingerprintSettings.MAX_SHINGLE_WORDS),
                Importance.LOW, "Words per shingle of the near-duplicate fingerprint; changing it needs a new "
                    + "application id.")
            .define(DEDUP_BANDS, Type.INT, fingerprint.bands(),
                new Expected("a whole number from 1 to " + FingerprintSettings.MAX_BANDS,
                    value -> (Integer) value >= 1 && (Integer) value <= FingerprintSettings.MAX_BANDS),
                Importance.LOW, "LSH bands of the fingerprint (bands x rows per band MinHash values, at most "
                    + FingerprintSettings.MAX_HASHES + "); changing it needs a new application id.")
            .define(DEDUP_ROWS_PER_BAND, Type.INT, fingerprint.rowsPerBand(),
                new Expected("a whole number from 1 to " + FingerprintSettings.MAX_HASHES,
                    value -> (Integer) value >= 1 && (Integer) value <= FingerprintSettings.MAX_HASHES),
                Importance.LOW, "MinHash values per LSH band; changing it needs a new application id.")
            .define(ENRICH_TOPIC_LEXICON, Type.STRING, null, Importance.MEDIUM,
                "Topic lexicon file (TSV: topic, language, term, weight) used instead of the bundled one.")
            .define(ENRICH_TOPIC_MODEL, Type.STRING, null, Importance.MEDIUM,
                "Trained topic model file (TSV) for the language it names.")
            .define(ENRICH_TOPIC_THRESHOLD, Type.DOUBLE, enrichment.topicThreshold(), share, Importance.MEDIUM,
                "Topics scoring below this are left out.")
            .define(ENRICH_TOPIC_EMBEDDING, Type.BOOLEAN, enrichment.topicEmbedding(), Importance.LOW,
                "Chinese items the lexicon gives no topic get one from an in-process sentence-embedding model "
                    + "(bge-small-zh-v1.5; about 1.2 ms a headline, loaded on the first such item).")
            .define(ENRICH_LANGUAGE_MIN_LETTERS, Type.INT, enrichment.minLanguageLetters(),
                new Expected("a whole number of at least 0", value -> (Integer) value >= 0),
                Importance.LOW, "Texts with fewer letters get no language.")
            .define(ENRICH_LANGUAGE_MIN_CONFIDENCE, Type.DOUBLE, enrichment.minLanguageConfidence(), share,
                Importance.LOW, "Language detections less sure than this give no language.")
            // An item grows about twice on its way (body and turns, then entities), and every record must fit in
            // the topics' max.message.bytes: larger inputs are rejected when read instead of failing when sent.
            .define(INPUT_MAX_BYTES, Type.LONG, Limits.MAX_ITEM_BYTES,
                new Expected("a number of bytes from 1 to " + Limits.MAX_ITEM_BYTES
                    + " (4 MiB, so that an enriched item fits in a record)",
                    value -> (Long) value >= 1 && (Long) value <= Limits.MAX_ITEM_BYTES),
                Importance.MEDIUM, "Largest input item accepted (a .txt file or one .jsonl line), in bytes.")
            // The base URL, not an API's: the serde speaks Apicurio's /apis/registry/v2 and consumers are told the
            // Confluent-compatible /apis/ccompat/v7, both under it.
            .define(SCHEMA_REGISTRY_URL, Type.STRING, null,
                new Expected("the registry's base URL, like http://localhost:8080 (newswire adds the API paths)",
                    value -> value == null || ((String) value).isBlank()
                        || ((String) value).trim().matches("https?://[^/\\s]+/?")),
                Importance.HIGH, "Schema registry mode: with an Apicurio Registry's base URL, the values of news.raw "
                    + "and every output topic are written in the Confluent wire format (magic byte 0, 4-byte schema "
                    + "id) with their schemas registered under <topic>-value with BACKWARD compatibility; apicurio.* "
                    + "keys (auth, TLS) go to the serde. Unset: Avro single-object encoding. Readers take both.")
            .define(OPS_HTTP_PORT, Type.INT, null,
                new Expected("a port from 0 (any free one) to 65535, or -1 for none",
                    value -> value == null || (Integer) value >= -1 && (Integer) value <= 65535),
                Importance.MEDIUM, "Port of the metrics, health and status endpoints (/metrics, /health/live, "
                    + "/health/ready, /lag, /status); by default streams and run use 9400, produce 9401, broker 9402.")
            .define(OPS_LAG_REFRESH, Type.STRING, "2s",
                duration("a positive duration like 2s or PT2S", refresh -> !refresh.isNegative() && !refresh.isZero()),
                Importance.MEDIUM, "How often the lag is read from Kafka (scrapes are served from the last reading).")
            .define(OPS_LAG_WINDOW, Type.STRING, "60s",
                duration("a positive duration like 60s or PT1M", window -> !window.isNegative() && !window.isZero()),
                Importance.MEDIUM, "How far back WARN (lag growing) and STALL (offset not moving) look.")
            .define(OPS_ALERT_RECORDS, Type.LONG, 1L,
                new Expected("a whole number of at least 1", value -> (Long) value >= 1),
                Importance.MEDIUM, "Records waiting from which a partition can be WARN, STALL or STOP.")
            .define(OPS_ALERT_LAG, Type.STRING, "10s",
                duration("a duration like 10s or PT10S, zero or more", lag -> !lag.isNegative()),
                Importance.MEDIUM, "Age of the oldest waiting record from which a partition can be WARN or STALL.")
            .define(OPS_READY_LAG, Type.STRING, "30s",
                duration("a duration like 30s or PT30S, zero or more", lag -> !lag.isNegative()),
                Importance.MEDIUM, "/health/ready answers 200 while the pipeline's lag on news.raw is at most this.");
    }

    private static Expected duration(final String form, final Predicate<Duration> usable) {
        return new Expected(form, value -> {
            try {
                return usable.test(Durations.parse((String) value));
            } catch (final IllegalArgumentException e) {
                // Not a duration: the error message says which forms are, naming the key and the value.
                return false;
            }
        });
    }

    /** Levenshtein distance; OpenNLP (already used for language detection) returns the whole table. */
    private static int editDistance(final String from, final String to) {
        if (from.isEmpty() || to.isEmpty()) {
            return Math.max(from.length(), to.length());
        }
        return StringUtil.levenshteinDistance(from, to)[from.length()][to.length()];
    }

    /**
     * A validator that says in words which values it takes: the words are the "expected" part of error messages
     * and of the generated documentation.
     */
    private record Expected(String form, Predicate<Object> accepts) implements ConfigDef.Validator {

        @Override
        public void ensureValid(final String name, final Object value) {
            if (value != null && !accepts.test(value)) {
                throw new ConfigException(name, value, "must be " + form);
            }
        }

        @Override
        public String toString() {
            return form;
        }
    }
}
