package io.newswire.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.newswire.streams.PipelineConfig;

/**
 * The merged configuration of one command: defaults, then the config file ({@code --config} or
 * {@code NEWSWIRE_CONFIG}), then environment variables, then command-line options — later sources win.
 * Keys starting with {@code newswire.} configure the pipeline; every other key is a Kafka client setting.
 *
 * <p>Environment: {@code NEWSWIRE_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers};
 * {@code NEWSWIRE_KAFKA_SECURITY_PROTOCOL} sets {@code security.protocol} (any Kafka key this way);
 * any other {@code NEWSWIRE_X_Y} sets {@code newswire.x.y}, e.g. {@code NEWSWIRE_DEDUP_WINDOW=1d}.
 */
public final class Settings {

    /** Environment variables that the launcher script reads, not configuration keys. */
    private static final Set<String> NOT_SETTINGS = Set.of("NEWSWIRE_CONFIG", "NEWSWIRE_HEAP", "NEWSWIRE_JAVA_OPTS",
        "NEWSWIRE_JAR", "NEWSWIRE_HOME", "NEWSWIRE_DEBUG");

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
     * @throws IllegalArgumentException naming the file when it is missing or unreadable
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
        env.forEach((name, value) -> {
            final String key = keyOf(name);
            if (key != null) {
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

    private static Properties readFile(final Path file) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (final NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist: check the path given with "
                + "--config or NEWSWIRE_CONFIG (see config/newswire.properties for an example)", e);
        } catch (final IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage()
                + " (it must be a Java properties file in UTF-8)", e);
        }
    }

    /** The pipeline configuration ({@code newswire.*} keys). */
    public PipelineConfig pipeline() {
        return PipelineConfig.fromProperties(all);
    }

    /** Kafka client settings: every key outside {@code newswire.*}. */
    public Properties kafka() {
        final Properties kafka = new Properties();
        all.stringPropertyNames().stream().filter(key -> !key.startsWith(PipelineConfig.PREFIX))
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
     * The largest input item accepted, {@code newswire.input.max.bytes}.
     *
     * @throws IllegalArgumentException naming the key and the expected form when the value is not a byte count
     */
    public long maxItemBytes() {
        final String value = get(PipelineConfig.PREFIX + "input.max.bytes",
            Long.toString(io.newswire.schema.config.Limits.MAX_ITEM_BYTES));
        final long most = io.newswire.schema.config.Limits.MAX_ITEM_BYTES;
        try {
            final long bytes = Long.parseLong(value);
            if (bytes > 0 && bytes <= most) {
                return bytes;
            }
        } catch (final NumberFormatException e) {
            // reported below, with the key
        }
        // An item grows about twice on its way (body and turns, then entities), and every record must fit in
        // the topics' max.message.bytes: larger inputs are rejected when read instead of failing when sent.
        throw new IllegalArgumentException(PipelineConfig.PREFIX + "input.max.bytes must be a number of bytes from 1 "
            + "to " + most + " (4 MiB, so that an enriched item fits in a record), was '" + value + "'");
    }

    /** A raw value, for settings the app itself reads. */
    public String get(final String key, final String fallback) {
        final String value = all.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
