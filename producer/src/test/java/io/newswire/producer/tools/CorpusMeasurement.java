package io.newswire.producer.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;
import io.newswire.schema.Turn;
import io.newswire.schema.WireItem;

/**
 * Measures JsonlParser on a .jsonl corpus (by default the development corpus): time to parse every line, items with
 * at least one speaker turn, and agreement with the corpus's {@code speakers} labels. The labels follow their own
 * conventions (foreign leaders without their titles, some sentences that open with a colon), so agreement is a
 * lower bound of accuracy. The labels are read here, apart
 * from the parser, for measuring only; the parser never sees them. Not a unit test: run it by hand,
 * {@code java -cp … io.newswire.producer.tools.CorpusMeasurement [FILE]}.
 */
public final class CorpusMeasurement {

    private static final Path DEFAULT_CORPUS = Path.of("/work/shared/corpus/kremlin-en-dev.jsonl");
    private static final int ROUNDS = 3;

    private CorpusMeasurement() {
    }

    public static void main(final String[] args) throws IOException {
        final Path corpus = args.length > 0 ? Path.of(args[0]) : DEFAULT_CORPUS;
        final List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
        final JsonlParser parser = new JsonlParser(Clock.systemUTC());
        List<WireItem> items = List.of();
        for (int round = 1; round <= ROUNDS; round++) {
            final long start = System.nanoTime();
            items = parseAll(parser, corpus.getFileName().toString(), lines);
            final long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "round %d: parsed %d of %d lines in %d ms (%.0f lines/s)%n", round,
                items.size(), lines.size(), millis, lines.size() * 1000.0 / Math.max(1, millis));
        }
        report(items, labels(lines));
    }

    private static List<WireItem> parseAll(final JsonlParser parser, final String name, final List<String> lines) {
        final List<WireItem> items = new ArrayList<>(lines.size());
        for (int index = 0; index < lines.size(); index++) {
            try {
                items.add(parser.parseLine(name, index + 1, lines.get(index)));
            } catch (final ParseException e) {
                System.out.println(name + ":" + (index + 1) + ": " + e.getMessage());
            }
        }
        return items;
    }

    /** The {@code speakers} label of each line, read only to measure against. */
    private static List<Set<String>> labels(final List<String> lines) throws IOException {
        final ObjectMapper mapper = new ObjectMapper();
        final List<Set<String>> labels = new ArrayList<>();
        for (final String line : lines) {
            final Set<String> speakers = new HashSet<>();
            for (final JsonNode speaker : mapper.readTree(line).path("speakers")) {
                speakers.add(speaker.asText());
            }
            labels.add(speakers);
        }
        return labels;
    }

    private static void report(final List<WireItem> items, final List<Set<String>> labels) {
        int withTurns = 0;
        int labelled = 0;
        int both = 0;
        int foundOnly = 0;
        long found = 0;
        long foundAndLabelled = 0;
        long labelledNames = 0;
        long labelledAndFound = 0;
        for (int index = 0; index < items.size(); index++) {
            final Set<String> ours = new LinkedHashSet<>();
            items.get(index).getTurns().stream().map(Turn::getSpeaker).forEach(ours::add);
            final Set<String> theirs = labels.get(index);
            withTurns += ours.isEmpty() ? 0 : 1;
            labelled += theirs.isEmpty() ? 0 : 1;
            both += !ours.isEmpty() && !theirs.isEmpty() ? 1 : 0;
            foundOnly += !ours.isEmpty() && theirs.isEmpty() ? 1 : 0;
            found += ours.size();
            foundAndLabelled += ours.stream().filter(theirs::contains).count();
            labelledNames += theirs.size();
            labelledAndFound += theirs.stream().filter(ours::contains).count();
        }
        System.out.printf(Locale.ROOT, "items with >= 1 speaker turn: %d of %d%n", withTurns, items.size());
        System.out.printf(Locale.ROOT, "items labelled with speakers: %d; found turns in %d of them; found turns in %d"
            + " unlabelled items%n", labelled, both, foundOnly);
        System.out.printf(Locale.ROOT, "speaker names (distinct per item): found %d, %.1f%% of them in the labels;"
            + " labels %d, %.1f%% of them found%n", found, 100.0 * foundAndLabelled / Math.max(1, found), labelledNames,
            100.0 * labelledAndFound / Math.max(1, labelledNames));
    }
}
