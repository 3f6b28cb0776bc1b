package io.newswire.streams.enrich.eval;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswire.schema.Entities;
import io.newswire.streams.enrich.EntityFinder;
import io.newswire.streams.enrich.ItemText;
import io.newswire.streams.enrich.Speakers;

/**
 * Measurement tool (not a test): how well {@link EntityFinder} finds the persons that the editors of
 * {@code kremlin-en-dev.jsonl} tagged, and how long entity finding takes. The finder sees only title, lead and
 * paragraphs ({@link KremlinCorpus}); the editors' {@code persons} are read here, on the scoring side only.
 *
 * <p>Reported: recall of the labelled persons among the found ones (labels canonicalised through the same
 * {@code persons.tsv}, so {@code Kassym-Jomart Tokayev} and {@code Kassym-Zhomart Tokayev} are one person; a label of
 * one word, such as a bare surname, counts as found when a found name ends with it); the precision proxy, found
 * persons that are not labelled, per item (the editors never tag Vladimir Putin on his own site, so it is also given
 * without him); the most frequent misses and extras; and microseconds per item for {@code find} (one thread, after a
 * warm-up pass). Arguments: {@code CORPUS_JSONL}; run it as {@code TOPICS.md} shows for {@code TopicsEval}.
 */
public final class PersonsEval {

    private static final String SITE_OWNER = "Vladimir Putin";
    private static final int TIMING_ROUNDS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonsEval() {
    }

    public static void main(final String[] args) throws Exception {
        final Path corpus = Path.of(args[0]);
        final List<KremlinCorpus.Entry> entries = KremlinCorpus.read(corpus);
        final List<List<String>> labels = labels(corpus);
        final EntityFinder finder = EntityFinder.load();
        final List<String> texts = entries.stream().map(entry -> ItemText.of(entry.item())).toList();

        int labelled = 0;
        int labelCount = 0;
        int recalled = 0;
        int itemsAllRecalled = 0;
        int extras = 0;
        int extrasWithoutOwner = 0;
        int found = 0;
        final Map<String, Integer> misses = new HashMap<>();
        final Map<String, Integer> extraNames = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            final Entities entities = finder.find(entries.get(i).item(), texts.get(i),
                    Speakers.of(entries.get(i).item()), "en");
            final List<String> persons = entities.getPersons();
            found += persons.size();
            if (labels.get(i).isEmpty()) {
                continue;
            }
            labelled++;
            final Set<String> gold = new LinkedHashSet<>();
            labels.get(i).forEach(label -> gold.add(finder.canonicalPerson(stripHonorific(label))));
            int hits = 0;
            for (final String person : gold) {
                if (isFound(person, persons)) {
                    hits++;
                } else {
                    misses.merge(person, 1, Integer::sum);
                }
            }
            labelCount += gold.size();
            recalled += hits;
            itemsAllRecalled += hits == gold.size() ? 1 : 0;
            for (final String person : persons) {
                if (!gold.contains(person) && gold.stream().noneMatch(g -> isSurnameOf(g, person))) {
                    extras++;
                    extrasWithoutOwner += SITE_OWNER.equals(person) ? 0 : 1;
                    extraNames.merge(person, 1, Integer::sum);
                }
            }
        }
        System.out.printf("Items: %d, with labelled persons: %d; labelled persons (distinct per item): %d%n",
                entries.size(), labelled, labelCount);
        System.out.printf("Recall of labelled persons: %.3f (%d/%d); items with every labelled person found: %.3f%n",
                (double) recalled / labelCount, recalled, labelCount, (double) itemsAllRecalled / labelled);
        System.out.printf("Found persons not labelled, per labelled item: %.2f (without %s: %.2f)%n",
                (double) extras / labelled, SITE_OWNER, (double) extrasWithoutOwner / labelled);
        System.out.printf("Found persons per item, all items: %.2f%n", (double) found / entries.size());
        print("Most frequent misses", misses);
        print("Most frequent unlabelled finds", extraNames);
        time(finder, entries, texts);
    }

    /**
     * Wall-clock and CPU time of the thread: on a machine shared with other builds the wall clock counts the time the
     * thread waited for a core, the CPU time does not.
     */
    private static void time(final EntityFinder finder, final List<KremlinCorpus.Entry> entries,
                             final List<String> texts) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long chars = 0;
        for (final String text : texts) {
            chars += text.length();
        }
        long sink = 0;
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int round = 0; round < TIMING_ROUNDS; round++) {
            final long wall = System.nanoTime();
            final long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < entries.size(); i++) {
                sink += finder.find(entries.get(i).item(), texts.get(i), List.of(), "en").getCountries().size();
            }
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
            bestWall = Math.min(bestWall, System.nanoTime() - wall);
        }
        final double fourKbs = chars / 4096.0;
        System.out.printf("%nEntityFinder.find, one thread, best of %d rounds over %d items (mean %d chars):%n"
                + "  wall %.1f µs per item, %.1f µs per 4 KB of text; CPU %.1f µs per item, %.1f µs per 4 KB"
                + " (checksum %d)%n", TIMING_ROUNDS, entries.size(), chars / entries.size(),
                bestWall / 1000.0 / entries.size(), bestWall / 1000.0 / fourKbs,
                bestCpu / 1000.0 / entries.size(), bestCpu / 1000.0 / fourKbs, sink);
    }

    private static boolean isFound(final String person, final List<String> persons) {
        return persons.contains(person) || persons.stream().anyMatch(found -> isSurnameOf(person, found));
    }

    /** A one-word label ({@code Medvedev}, {@code Kirill}) names a found person with that word in the name. */
    private static boolean isSurnameOf(final String label, final String found) {
        return !label.contains(" ") && List.of(found.split("[ -]")).contains(label);
    }

    private static String stripHonorific(final String label) {
        return label.strip().replaceAll("\\s+", " ").replaceFirst("^(Mr|Ms|Mrs) ", "").replaceFirst("[’']s$", "");
    }

    private static void print(final String title, final Map<String, Integer> counts) {
        System.out.println("\n" + title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(40)
                .forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
    }

    /** The editors' persons of each non-blank line, in the order {@link KremlinCorpus#read} gives items. */
    private static List<List<String>> labels(final Path jsonl) throws Exception {
        final List<List<String>> labels = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    final List<String> persons = new ArrayList<>();
                    for (final JsonNode person : JSON.readTree(line).path("persons")) {
                        persons.add(person.asText());
                    }
                    labels.add(persons);
                }
            }
        }
        return labels;
    }
}
