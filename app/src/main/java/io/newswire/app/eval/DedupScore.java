package io.newswire.app.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.newswire.schema.DedupDecision;

/**
 * Scores the dedup decisions of a run against labelled pairs ({@code pairs.tsv}: first id, second id, expected
 * relation, kind): for each pair, the relation the pipeline gave the second item to the first (its decision when it
 * names the first as {@code duplicate_of}, else {@code none}); then precision and recall of duplicate, update and
 * translation, and how many unrelated pairs were linked at all.
 */
public final class DedupScore {

    public static final List<String> RELATIONS = List.of("duplicate", "update", "translation");

    /** One labelled pair and what the pipeline said. */
    public record Pair(String first, String second, String expected, String kind, String predicted) {
    }

    private final List<Pair> pairs;

    private DedupScore(final List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    /** Reads the pairs and looks up each second item's decisions (in the order they were made). */
    public static DedupScore of(final Path pairsFile, final Map<String, List<DedupDecision>> decisions)
        throws IOException {
        final List<Pair> pairs = new ArrayList<>();
        int number = 0;
        for (final String line : Files.readAllLines(pairsFile, StandardCharsets.UTF_8)) {
            number++;
            final String[] columns = line.split("\t");
            if (line.isBlank() || line.startsWith("#") || number == 1 && "first_id".equals(columns[0])) {
                continue;
            }
            if (columns.length < 3) {
                throw new IllegalArgumentException(pairsFile + ":" + number
                    + ": expected first_id, second_id, expected[, kind] separated by tabs");
            }
            pairs.add(new Pair(columns[0], columns[1], columns[2], columns.length > 3 ? columns[3] : columns[2],
                relation(columns[0], columns[1], decisions.getOrDefault(columns[1], List.of()))));
        }
        return new DedupScore(pairs);
    }

    /** The relation the second item's decisions give it to the first; "none" when they do not name it. */
    static String relation(final String first, final String second, final List<DedupDecision> decisions) {
        for (final DedupDecision decision : decisions) {
            final boolean namesFirst = first.equals(decision.getDuplicateOf());
            // Re-sent under its own id: only a decision after the first sighting can relate it to itself.
            if (namesFirst && !(first.equals(second) && "new".equals(decision.getDecision()))) {
                return decision.getDecision();
            }
        }
        return "none";
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** Precision of a relation: of the pairs the pipeline linked so, the share labelled so. */
    public double precision(final String relation) {
        final long said = pairs.stream().filter(p -> relation.equals(p.predicted())).count();
        final long right = pairs.stream().filter(p -> relation.equals(p.predicted()) && relation.equals(p.expected()))
            .count();
        return said == 0 ? Double.NaN : (double) right / said;
    }

    /** Recall of a relation: of the pairs labelled so, the share the pipeline linked so. */
    public double recall(final String relation) {
        final long labelled = pairs.stream().filter(p -> relation.equals(p.expected())).count();
        final long found = pairs.stream().filter(p -> relation.equals(p.expected()) && relation.equals(p.predicted()))
            .count();
        return labelled == 0 ? Double.NaN : (double) found / labelled;
    }

    /** Pairs labelled unrelated that the pipeline linked anyway (as anything). */
    public List<Pair> unrelatedLinked() {
        return pairs.stream().filter(p -> "unrelated".equals(p.expected()) && !"none".equals(p.predicted())).toList();
    }

    /** For each kind of pair, how many got each predicted relation. */
    public Map<String, Map<String, Integer>> byKind() {
        final Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (final Pair pair : pairs) {
            table.computeIfAbsent(pair.expected() + " / " + pair.kind(), k -> new TreeMap<>())
                .merge(pair.predicted(), 1, Integer::sum);
        }
        return table;
    }

    public String markdown() {
        final StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d labelled pairs%n%n", pairs.size()));
        out.append("| relation | labelled | linked so | precision | recall |\n|---|---|---|---|---|\n");
        for (final String relation : RELATIONS) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f |%n", relation,
                pairs.stream().filter(p -> relation.equals(p.expected())).count(),
                pairs.stream().filter(p -> relation.equals(p.predicted())).count(), precision(relation),
                recall(relation)));
        }
        final long unrelated = pairs.stream().filter(p -> "unrelated".equals(p.expected())).count();
        out.append(String.format(Locale.ROOT, "%nunrelated pairs linked: %d of %d%n", unrelatedLinked().size(),
            unrelated));
        out.append("\n| labelled / kind | what the pipeline said |\n|---|---|\n");
        byKind().forEach((kind, said) -> out.append("| ").append(kind).append(" | ").append(said).append(" |\n"));
        return out.toString();
    }
}
