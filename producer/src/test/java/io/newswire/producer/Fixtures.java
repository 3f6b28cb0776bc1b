package io.newswire.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared test inputs: the seed transcript, sample corpus lines and a fixed clock. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2021-08-22T09:30:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String SEED_NAME = "kremlin-2021-08-21-putin-tokayev.it.txt";
    public static final String SAMPLE_JSONL = "kremlin-sample.jsonl";

    private Fixtures() {
    }

    /** The seed transcript as bytes, exactly as in the corpus. */
    public static byte[] seedBytes() {
        return resource(SEED_NAME);
    }

    public static String seedText() {
        return new String(seedBytes(), StandardCharsets.UTF_8);
    }

    /** Three short lines of the development corpus in corpus order (ids 7963, 57083, 62754), labels included. */
    public static List<String> sampleLines() {
        return new String(resource(SAMPLE_JSONL), StandardCharsets.UTF_8).lines().toList();
    }

    public static byte[] resource(final String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
