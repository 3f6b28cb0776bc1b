package io.newswire.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;
import io.newswire.producer.parse.TranscriptParser;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.SchemaTrust;
import io.newswire.schema.text.ContentHash;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.stage.Normalizer;

/**
 * The items the benchmarks feed to the stateless stages, read from this module's resources so that
 * {@code benchmarks.jar} needs no file outside it: the seed transcript (Italian, parsed by the producer's
 * {@link TranscriptParser}) and English items of about 4 KB and 10 KB of text, built from real wire copy
 * ({@code kremlin-en-sample.jsonl}, five items of kremlin.ru, CC BY 4.0) by joining their paragraphs.
 *
 * <p>{@link #raw} is what the producer publishes (the input of the whole stateless pipeline); {@link #normalized}
 * is what the enrich stage receives.
 */
public final class BenchItems {

    /** The names the benchmarks take as their {@code item} parameter. */
    public static final String SEED_IT = "seed-it";
    public static final String EN_4K = "en-4k";
    public static final String EN_10K = "en-10k";
    /**
     * A Chinese headline that no lexicon word places (a star's name and a trip), so it takes the slowest path: the
     * lexicon, then the second stage's model ({@code TopicEmbedding}).
     */
    public static final String ZH_HEADLINE = "zh-headline";

    static final String SEED_RESOURCE = "kremlin-2021-08-21-putin-tokayev.it.txt";
    static final String ENGLISH_RESOURCE = "kremlin-en-sample.jsonl";

    /** The day of the seed transcript: year-less datelines are read against it, so every run parses the same. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-08-21T12:00:00Z"), ZoneOffset.UTC);

    private BenchItems() {
    }

    /**
     * The item named {@code name} ({@link #SEED_IT}, {@link #EN_4K}, {@link #EN_10K}, {@link #ZH_HEADLINE}) as the
     * producer makes it.
     */
    public static WireItem raw(final String name) {
        return switch (name) {
            case SEED_IT -> seedTranscript();
            case EN_4K -> english(4 * 1024);
            case EN_10K -> english(10 * 1024);
            case ZH_HEADLINE -> headline("{\"id\": \"zh-headline\", \"title\": \"郑伊健与妻子同游巴黎\"}");
            default -> throw new IllegalArgumentException("no bench item '" + name + "': use " + SEED_IT + ", "
                    + EN_4K + ", " + EN_10K + " or " + ZH_HEADLINE);
        };
    }

    /** The item named {@code name} after the normalize stage: what {@code Enricher.enrich} is given. */
    public static WireItem normalized(final String name) {
        return new Normalizer().normalize(raw(name));
    }

    static WireItem headline(final String jsonLine) {
        try {
            return new JsonlParser(CLOCK).parseLine(ZH_HEADLINE, 1, jsonLine);
        } catch (final ParseException e) {
            throw new IllegalStateException("the bench headline no longer parses: " + e.getMessage(), e);
        }
    }

    static WireItem seedTranscript() {
        try {
            return new TranscriptParser(CLOCK).parse(SEED_RESOURCE, resource(SEED_RESOURCE));
        } catch (final ParseException e) {
            throw new IllegalStateException("the bundled seed transcript no longer parses: " + e.getMessage(), e);
        }
    }

    /**
     * The first sample item with the paragraphs of all samples, in order, up to the first paragraph that brings
     * the enrichment text ({@link ItemText}) to at least {@code chars} characters: whole paragraphs, so the text
     * stays real wire copy and is a little over the target.
     */
    static WireItem english(final int chars) {
        // Copying a record with newBuilder(record) goes through Avro's class checks.
        SchemaTrust.trustNewswireSchemas();
        final List<WireItem> samples = englishSamples();
        final WireItem first = samples.get(0);
        final List<String> body = new ArrayList<>();
        WireItem item = first;
        for (final WireItem sample : samples) {
            for (final String paragraph : sample.getBody()) {
                body.add(paragraph);
                item = WireItem.newBuilder(first)
                        .setBody(List.copyOf(body))
                        .setContentHash(ContentHash.of(first.getTitle(), first.getLead(), body))
                        .build();
                if (ItemText.of(item).length() >= chars) {
                    return item;
                }
            }
        }
        throw new IllegalStateException(ENGLISH_RESOURCE + " holds less than " + chars + " characters of text");
    }

    static List<WireItem> englishSamples() {
        final JsonlParser parser = new JsonlParser(CLOCK);
        final List<WireItem> items = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(ENGLISH_RESOURCE),
                StandardCharsets.UTF_8))) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                items.add(parser.parseLine(ENGLISH_RESOURCE, number, line));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + ENGLISH_RESOURCE, e);
        } catch (final ParseException e) {
            throw new IllegalStateException("the bundled " + ENGLISH_RESOURCE + " no longer parses: "
                    + e.getMessage(), e);
        }
        return items;
    }

    private static String resource(final String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream open(final String name) {
        final InputStream in = BenchItems.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not beside " + BenchItems.class.getName()
                    + " on the classpath: rebuild the bench module");
        }
        return in;
    }
}
