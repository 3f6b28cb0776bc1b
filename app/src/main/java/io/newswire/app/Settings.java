package io.newswire.app;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.newswire.schema.serde.SchemaRegistrySettings;
import io.newswire.streams.NewswireConfigDef;
import io.newswire.streams.PipelineConfig;

/**
 * The merged configuration of one command: defaults, then the config file ({@code --config} or
 * {@code NEWSWIRE_CONFIG}), then environment variables, then command-line options — later sources win.
 * Keys starting with {@code newswire.} configure the pipeline; every other key is a Kafka client setting.
 *
 * <p>Environment: {@code NEWSWIRE_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers};
 * {@code NEWSWIRE_KAFKA_SECURITY_PROTOCOL} sets {@code security.protocol} (any Kafka key this way);
 * any other {@code NEWSWIRE_X_Y} sets {@code newswire.x.y}, e.g. {@code NEWSWIRE_DEDUP_WINDOW=1d}. A
 * {@code newswire.*} key that newswire does not read is an error naming where it came from (the file or the
 * variable) and the nearest key it does read.
 */
public final class Settings {

    /** Environment variables that the launcher script reads, not configuration keys. */
    private static final Set<String> NOT_SETTINGS = Set.of("NEWSWIRE_CONFIG", "NEWSWIRE_HEAP", "NEWSWIRE_JAVA_OPTS",
        "NEWSWIRE_JAR", "NEWSWIRE_HOME", "NEWSWIRE_DEBUG", "NEWSWIRE_GC");

    /** Variables whose value is not repeated in an error message, as it may be a password. */
    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|JAAS|CREDENTIAL|TOKEN).*");

    private final Properties all;

    private Settings(final Properties all) {
        this.all = all;
    }

    /**
     * Merges the sources.
     *
     * @param configFile the file given with --config, or null to use NEWSWIRE_CONFIG (if set)
     * @param env        the environment (System.getenv() in production)
     * @param overrides  values from command-line options (e.g. bootstrap.servers), applied last
     * @throws IllegalArgumentException naming the file when it is missing, unreadable or sets an unknown
     *                                  {@code newswire.*} key, or naming the environment variable that does
     */
    public static Settings load(final Path configFile, final Map<String, String> env,
                                final Map<String, String> overrides) {
        final Properties merged = new Properties();
        final Path file = configFile != null ? configFile
            : env.containsKey("NEWSWIRE_CONFIG") && !env.get("NEWSWIRE_CONFIG").isBlank()
            ? Path.of(env.get("NEWSWIRE_CONFIG")) : null;
        if (file != null) {
            merged.putAll(readFile(file));
        }
        // Sorted, so that of two wrong variables the same one is reported every time.
        new TreeMap<>(env).forEach((name, value) -> {
            final String key = keyOf(name);
            if (key != null) {
                rejectUnknownKey(name, value, key);
                merged.setProperty(key, value);
            }
        });
        overrides.forEach((key, value) -> {
            if (value != null) {
                merged.setProperty(key, value);
            }
        });
        return new Settings(merged);
    }

    /** The property key an environment variable sets, or null when it sets none. */
    static String keyOf(final String envName) {
        if (!envName.startsWith("NEWSWIRE_") || NOT_SETTINGS.contains(envName)) {
            return null;
        }
        final String rest = envName.substring("NEWSWIRE_".length());
        if ("BOOTSTRAP_SERVERS".equals(rest)) {
            return "bootstrap.servers";
        }
        if (rest.startsWith("KAFKA_")) {
            return dotted(rest.substring("KAFKA_".length()));
        }
        return PipelineConfig.PREFIX + dotted(rest);
    }

    private static String dotted(final String upperSnake) {
        return upperSnake.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The environment variable that sets a {@code newswire.*} key: {@code NEWSWIRE_DEDUP_GRACE}. */
    static String envNameOf(final String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static void rejectUnknownKey(final String envName, final String value, final String key) {
        if (!key.startsWith(PipelineConfig.PREFIX) || NewswireConfigDef.isKnown(key)) {
            return;
        }
        final String shown = SECRET.matcher(envName).matches() ? "(value hidden)" : value;
        final Optional<String> nearest = NewswireConfigDef.nearestKey(key);
        throw new IllegalArgumentException(envName + "=" + shown + " sets unknown setting " + key + nearest
            .map(known -> ": did you mean " + envNameOf(known) + "?")
            .orElse(": the settings are listed in " + NewswireConfigDef.DOCUMENTED_IN
                + " (NEWSWIRE_KAFKA_<KEY> sets a Kafka client setting, e.g. NEWSWIRE_KAFKA_SECURITY_PROTOCOL)"));
    }

    private static void rejectUnknownKeys(final Properties fromFile, final Path file, final String text) {
        fromFile.stringPropertyNames().stream().sorted()
            .filter(key -> key.startsWith(PipelineConfig.PREFIX) && !NewswireConfigDef.isKnown(key))
            .findFirst()
            .ifPresent(key -> {
                throw new IllegalArgumentException("config file " + file + lineOf(key, text) + ": "
                    + NewswireConfigDef.unknownKeyMessage(key));
            });
    }

    /** {@code :12} for the first line that sets {@code key}, or nothing if the key is spelt with escapes. */
    private static String lineOf(final String key, final String text) {
        final String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            final String line = lines[i].stripLeading();
            if (line.startsWith(key) && (line.length() == key.length()
                || " \t=:".indexOf(line.charAt(key.length())) >= 0)) {
                return ":" + (i + 1);
            }
        }
        return "";
    }

    private static Properties readFile(final Path file) {
        final Properties properties = new Properties();
        final String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            properties.load(new StringReader(text));
        } catch (final NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist: check the path given with "
                + "--config or NEWSWIRE_CONFIG (see config/newswire.properties for an example)", e);
        } catch (final IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage()
                + " (it must be a Java properties file in UTF-8)", e);
        }
        rejectUnknownKeys(properties, file, text);
        return properties;
    }

    /** The pipeline configuration ({@code newswire.*} keys). */
    public PipelineConfig pipeline() {
        return PipelineConfig.fromProperties(all);
    }

    /** The operations settings ({@code newswire.ops.*}): endpoints' port, lag refresh and thresholds. */
    public io.newswire.app.ops.OpsSettings ops() {
        return io.newswire.app.ops.OpsSettings.from(all);
    }

    /**
     * Kafka client settings: every key outside {@code newswire.*}, but for the schema registry serde's own
     * {@code apicurio.*} keys, which {@link #pipeline()} carries to the serdes.
     */
    public Properties kafka() {
        final Properties kafka = new Properties();
        all.stringPropertyNames().stream().filter(key -> !key.startsWith(PipelineConfig.PREFIX))
            .filter(key -> !key.startsWith(SchemaRegistrySettings.SERDE_PREFIX))
            .forEach(key -> kafka.setProperty(key, all.getProperty(key)));
        return kafka;
    }

    /**
     * The bootstrap servers, for commands that need a running Kafka.
     *
     * @throws IllegalArgumentException saying how to give them when none are configured
     */
    public String requireBootstrapServers() {
        final String servers = bootstrapServers();
        if (servers == null) {
            throw new IllegalArgumentException("no Kafka given: pass --bootstrap-servers HOST:PORT or set "
                + "NEWSWIRE_BOOTSTRAP_SERVERS ('newswire broker' starts one locally; 'run' and 'demo' start their own)");
        }
        return servers;
    }

    /** Kafka settings as producer overrides: everything but bootstrap.servers, which is passed on its own. */
    public static java.util.Map<String, Object> producerOverrides(final Properties kafka) {
        final java.util.Map<String, Object> overrides = new java.util.TreeMap<>();
        kafka.stringPropertyNames().stream().filter(key -> !"bootstrap.servers".equals(key))
            .forEach(key -> overrides.put(key, kafka.getProperty(key)));
        return overrides;
    }

    /** The bootstrap servers, or null when none is configured (the embedded broker is used then). */
    public String bootstrapServers() {
        final String servers = all.getProperty("bootstrap.servers");
        return servers == null || servers.isBlank() ? null : servers.trim();
    }

    /**
     * The largest input item accepted, {@code newswire.input.max.bytes}, read through {@link NewswireConfigDef}.
     *
     * @throws IllegalArgumentException naming the key, the value and the expected form when it is not usable (or
     *                                  when another {@code newswire.*} value is not, as they are read together)
     */
    public long maxItemBytes() {
        return (Long) NewswireConfigDef.parse(all).get(NewswireConfigDef.INPUT_MAX_BYTES);
    }

    /** A raw value, for settings the app itself reads. */
    public String get(final String key, final String fallback) {
        final String value = all.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
