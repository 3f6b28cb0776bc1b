package io.newswire.app.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;
import io.newswire.schema.WireItem;

/**
 * Writes the dedup set ({@code items.jsonl}, {@code pairs.tsv}, {@code README.md}) and describes it: per kind the
 * number of pairs, how similar their two items are, how many have equal content hashes once parsed by the real
 * {@link JsonlParser}, and the cases a dedup will find hard.
 */
final class DedupSetReport {

    /** Items with less text than this (lead and paragraphs) are the short ones a similarity measure struggles with. */
    static final int SHORT_TEXT = 400;
    private static final int HARDEST_UNLABELLED = 8;

    private static final Map<String, String> HOW = new LinkedHashMap<>();

    static {
        HOW.put("exact-copy-new-id", "the same title, lead and paragraphs re-sent by another outlet under a new id and"
            + " url; one in five dated the next day");
        HOW.put("whitespace-markup", "re-sent with runs of spaces, tabs and line breaks inside paragraphs, no-break"
            + " spaces, straight and typographic quotes swapped, en dashes made hyphens, soft hyphens and zero-width"
            + " spaces inside words; two in three also carry HTML remnants (`<p>…</p>`, `<br/>`, `&nbsp;`,"
            + " `&#8217;`), which newswire's cleaning keeps as text");
        HOW.put("caption-changes", "one to three photo-caption lines appended as paragraphs (`Photo: kremlin.ru`, the"
            + " headline or the dateline as a caption, a stuttered first word, sometimes the same caption twice); one"
            + " in five dated the next day");
        HOW.put("new-title-paragraph-dropped", "another outlet's headline (a Kremlin title pattern rewritten as a"
            + " present-tense headline, `Meeting with X` → `Putin meets X`, `President Vladimir Putin met with X` →"
            + " `Putin meets X`; else the first sentence of the lead or text; else `PLACE – title`) and one paragraph"
            + " other than the first left out; originals have at least three paragraphs; one in five dated the next"
            + " day");
        HOW.put("correction", "the same id re-sent the same day: the first version carried an error (a figure with two"
            + " digits transposed or its last digit one off, a date a day off, a capitalized word, most often a"
            + " surname, with two inner letters transposed, or the last sentence of a paragraph left out), the second"
            + " is the corpus text; three in four say so in a note such as"
            + " `(Corrects figure in paragraph 2 to 45 from 54.)`, as first or last paragraph; one in four corrects"
            + " silently");
        HOW.put("correction-new-id", "as `correction`, but the corrected version comes under a new id and url from"
            + " the same source, its title prefixed `CORRECTED: `, always with a note. Expected `update`: it replaces"
            + " the first version, it is not a second copy of it");
        HOW.put("translation", "the Italian seed transcript (`seed-it`) after an English rendering of it (`seed-en`),"
            + " and twelve short corpus items translated by hand into Italian, Russian and German (four each),"
            + " faithfully, keeping date, place, figures and people (names spelled as each language's press spells"
            + " them: Cyrillic in Russian, `Wladimir Putin` in German)");
        HOW.put("unrelated-same-day-topic", "two different corpus items published the same day with an editors' topic"
            + " in common: first the 24 most similar such pairs of the corpus that fit the set (each item used once;"
            + " appointments of different people, telephone conversations with different leaders), then pairs drawn"
            + " at random; none is a duplicate of the other");
        HOW.put("unrelated-same-title", "two different corpus items with the same title published up to seven days"
            + " apart (`Meeting with permanent members of the Security Council`, `Telephone conversation with …`):"
            + " templated headlines of different events; none is a duplicate of the other");
    }

    private final List<DedupItem> items;
    private final List<DedupSetBuilder.LabelledPair> pairs;
    private final Map<DedupItem, Integer> lines = new IdentityHashMap<>();

    DedupSetReport(final List<DedupItem> items, final List<DedupSetBuilder.LabelledPair> pairs) {
        this.items = items;
        this.pairs = new ArrayList<>(pairs);
        for (int i = 0; i < items.size(); i++) {
            lines.put(items.get(i), i);
        }
        this.pairs.sort(Comparator.comparing((DedupSetBuilder.LabelledPair pair) ->
            DedupSetBuilder.KINDS.indexOf(pair.kind())).thenComparing(pair -> lines.get(pair.second())));
    }

    void write(final Path folder, final ObjectMapper mapper) throws IOException {
        final List<String> jsonLines = new ArrayList<>();
        for (final DedupItem item : items) {
            jsonLines.add(mapper.writeValueAsString(item.toJson(mapper)));
        }
        final List<WireItem> parsed = parse(jsonLines);
        Files.writeString(folder.resolve("items.jsonl"), String.join("\n", jsonLines) + "\n", StandardCharsets.UTF_8);
        final StringBuilder tsv = new StringBuilder("first_id\tsecond_id\texpected\tkind\n");
        for (final DedupSetBuilder.LabelledPair pair : pairs) {
            tsv.append(pair.first().id()).append('\t').append(pair.second().id()).append('\t')
                .append(pair.expected()).append('\t').append(pair.kind()).append('\n');
        }
        Files.writeString(folder.resolve("pairs.tsv"), tsv.toString(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("README.md"), readme(parsed), StandardCharsets.UTF_8);
    }

    /** Every line through the real parser: a line it rejects is a bug of the builder, not a test case. */
    private static List<WireItem> parse(final List<String> jsonLines) throws JsonProcessingException {
        final JsonlParser parser = new JsonlParser(Clock.fixed(Instant.parse("2021-08-21T12:00:00Z"), ZoneOffset.UTC));
        final List<WireItem> parsed = new ArrayList<>();
        for (int i = 0; i < jsonLines.size(); i++) {
            try {
                parsed.add(parser.parseLine("items.jsonl", i + 1, jsonLines.get(i)));
            } catch (final ParseException e) {
                throw new IllegalStateException("items.jsonl line " + (i + 1) + " does not parse: " + e.getMessage(),
                    e);
            }
        }
        return parsed;
    }

    String summary() {
        final Map<String, Long> counts = pairs.stream()
            .collect(Collectors.groupingBy(DedupSetBuilder.LabelledPair::kind, LinkedHashMap::new,
                Collectors.counting()));
        return items.size() + " items, " + pairs.size() + " pairs: " + counts;
    }

    private String readme(final List<WireItem> parsed) {
        final StringBuilder out = new StringBuilder();
        // Every pair but an unrelated one has its own later version.
        final long later = pairs.stream().filter(pair -> !"unrelated".equals(pair.expected())).count();
        out.append("# Dedup evaluation set\n\n")
            .append("Labelled pairs of news items for `newswire eval-dedup`, which scores each dedup decision")
            .append(" (`duplicate`, `update`, `translation`) by precision and recall, and checks that unrelated")
            .append(" items are never marked duplicates. Built from the Kremlin corpus")
            .append(" (`../shared/corpus/kremlin-en-dev.jsonl`) and the Italian seed transcript by")
            .append(" `io.newswire.app.eval.DedupSetBuilder` (test scope); checked by `DedupSetTest`.\n\n")
            .append("## Files\n\n")
            .append("- `items.jsonl`: ").append(items.size()).append(" items in newswire's JSON Lines input format")
            .append(" (`id`, `url`, `source`, `title`, `date`, `place`, `lang`, `lead`, `paragraphs`), in the order")
            .append(" to publish them: first the ").append(items.size() - later).append(" originals (corpus items,")
            .append(" the first versions of corrected items, the English rendering of the seed) by date, then the ")
            .append(later).append(" later versions by date. `date` is the publication date; a later version has")
            .append(" the same date as its original or the next day. Corpus items keep their own id and url and at")
            .append(" most their first ").append(DedupSetBuilder.MAX_PARAGRAPHS).append(" paragraphs; their label")
            .append(" fields are not copied.\n")
            .append("- `pairs.tsv`: a header line, then `first_id`, `second_id`, `expected`, `kind`, tab-separated;")
            .append(" the second item comes after the first in `items.jsonl`. `expected` is `duplicate`, `update`,")
            .append(" `translation` or `unrelated`. In `correction` pairs both ids are the same: the first is the")
            .append(" first line with that id, the second the later one; every other id occurs once.\n")
            .append("- Publishing order is file order. The producer keys records by id, so a same-id correction shares")
            .append(" its first version's partition; the two items of any other pair may land on different partitions,")
            .append(" where Kafka does not order them: read `first`/`second` as publishing order, not as a promise")
            .append(" about processing order.\n\n");
        appendKinds(out, parsed);
        appendBuild(out);
        appendHardCases(out);
        out.append("## Attribution\n\n")
            .append("Content © President of Russia website (kremlin.ru), licensed CC BY 4.0: the corpus items, and")
            .append(" the seed transcript (an Italian translation of a kremlin.ru transcript, source line")
            .append(" `(Fonte: kremlin.ru)`). The variants, the English rendering of the seed and the Italian,")
            .append(" Russian and German translations are adaptations of that content made for this set, under the")
            .append(" same licence; the outlets (`*.example.*`) are fictitious.\n");
        return out.toString();
    }

    private void appendKinds(final StringBuilder out, final List<WireItem> parsed) {
        out.append("## Kinds\n\n")
            .append("| kind | expected | pairs | similarity min / median / max | same content hash |")
            .append(" short first item | details |\n|---|---|---|---|---|---|---|\n");
        for (final String kind : DedupSetBuilder.KINDS) {
            final List<DedupSetBuilder.LabelledPair> ofKind = ofKind(kind);
            final List<Double> similarities = ofKind.stream().map(p -> Similarity.of(p.first(), p.second())).sorted()
                .toList();
            final long sameHash = ofKind.stream().filter(p -> parsed.get(lines.get(p.first())).getContentHash()
                .equals(parsed.get(lines.get(p.second())).getContentHash())).count();
            final long shortFirst = ofKind.stream().filter(p -> isShort(p.first())).count();
            out.append("| `").append(kind).append("` | ").append(ofKind.get(0).expected()).append(" | ")
                .append(ofKind.size()).append(" | ").append(format(similarities.get(0))).append(" / ")
                .append(format(similarities.get(similarities.size() / 2))).append(" / ")
                .append(format(similarities.get(similarities.size() - 1))).append(" | ").append(sameHash)
                .append(" | ").append(shortFirst).append(" | ").append(details(ofKind)).append(" |\n");
        }
        out.append("\nSimilarity: Jaccard of word trigrams after newswire's text key (`TextNormalizer.key`), markup")
            .append(" counted as words; a yardstick, not the pipeline's measure. Same content hash: the two items")
            .append(" parsed by the real `JsonlParser` have equal `content_hash` (the exact-duplicate filter catches")
            .append(" those). Short: less than ").append(SHORT_TEXT).append(" characters of lead and paragraphs.\n\n");
        for (final Map.Entry<String, String> how : HOW.entrySet()) {
            out.append("- `").append(how.getKey()).append("`: ").append(how.getValue()).append(".\n");
        }
        out.append('\n');
    }

    private void appendBuild(final StringBuilder out) {
        out.append("## How it was built\n\n")
            .append("From the repository root (deterministic: the random seed is fixed at ")
            .append(DedupSetBuilder.SEED).append("; the same inputs give the same files byte for byte):\n\n")
            .append("```sh\n")
            .append("./mvnw -q -B -o -pl app -am test-compile dependency:build-classpath \\\n")
            .append("  -Dmdep.outputFile=target/dedup-set.cp -Dmdep.includeScope=test\n")
            .append("java -cp \"app/target/test-classes:app/target/classes:$(cat app/target/dedup-set.cp)\" \\\n")
            .append("  io.newswire.app.eval.DedupSetBuilder ../shared/corpus/kremlin-en-dev.jsonl \\\n")
            .append("  ../shared/corpus/kremlin-2021-08-21-putin-tokayev.it.txt app/src/test/resources/eval/dedup\n")
            .append("```\n\n")
            .append("The hand-written texts (the English rendering of the seed, the twelve translations) are in")
            .append(" `app/src/test/resources/eval/dedup-input/translations.jsonl`. The seed becomes one JSON Lines")
            .append(" item (`seed-it`): its title line, its paragraphs and speaker turns up to the source line, the")
            .append(" dateline left in the first paragraph; the scraped captions after the source line are left out.")
            .append(" Corpus items are chosen at random, each used once; no two chosen corpus items share a title or")
            .append(" reach a similarity of ").append(DedupSetBuilder.MAX_UNLABELLED_SIMILARITY)
            .append(" unless they are a labelled pair, so the set hides no unlabelled near-duplicate (the most similar")
            .append(" unlabelled items are listed below). Same-day same-topic pairs at ")
            .append(DedupSetBuilder.MAX_UNRELATED_SIMILARITY)
            .append(" or more are never labelled unrelated: they could be one story published twice.\n\n");
    }

    private void appendHardCases(final StringBuilder out) {
        out.append("## What a dedup will find hard\n\n");
        final List<String> duplicateKinds = DedupSetBuilder.KINDS.subList(0, 4);
        final List<DedupSetBuilder.LabelledPair> shortDuplicates = pairs.stream()
            .filter(p -> duplicateKinds.contains(p.kind()) && isShort(p.first())).toList();
        out.append("- Short duplicates (").append(shortDuplicates.size())
            .append("): their captions, markup or lost paragraph weigh more against little text: ")
            .append(shortDuplicates.stream().map(p -> "`" + p.second().id() + "` (" + p.kind() + ", "
                + textLength(p.first()) + " chars)").collect(Collectors.joining(", "))).append(".\n");
        final List<DedupSetBuilder.LabelledPair> leastSimilar = pairs.stream()
            .filter(p -> duplicateKinds.contains(p.kind()))
            .sorted(Comparator.comparingDouble(p -> Similarity.of(p.first(), p.second()))).limit(6).toList();
        out.append("- The least similar duplicates: ").append(leastSimilar.stream()
            .map(p -> "`" + p.first().id() + "`→`" + p.second().id() + "` (" + p.kind() + ", "
                + format(Similarity.of(p.first(), p.second())) + ")").collect(Collectors.joining(", "))).append(".\n");
        out.append("- Same-id corrections: the second version has the id of the first, so a filter that calls a")
            .append(" repeated id a duplicate gets every `correction` pair wrong; ")
            .append(ofKind("correction").stream().filter(p -> "none".equals(notePlace(p))).count())
            .append(" of them carry no note at all.\n");
        out.append("- Translations share no words with their originals beyond names and figures (similarity near 0);")
            .append(" Russian spells names in Cyrillic.\n");
        final List<DedupSetBuilder.LabelledPair> similarUnrelated = pairs.stream()
            .filter(p -> "unrelated".equals(p.expected())).filter(p -> Similarity.of(p.first(), p.second()) >= 0.15)
            .sorted(Comparator.comparingDouble(p -> -Similarity.of(p.first(), p.second()))).toList();
        out.append("- Unrelated pairs with a similarity of 0.15 or more (").append(similarUnrelated.size())
            .append("): ").append(similarUnrelated.stream().map(p -> "`" + p.first().id() + "`/`" + p.second().id()
                + "` " + format(Similarity.of(p.first(), p.second())) + " (" + p.second().title().replace('\u00A0', ' ')
                + ")").collect(Collectors.joining("; "))).append(".\n");
        out.append("- The most similar items that are not a labelled pair: ").append(hardestUnlabelled())
            .append(".\n\n");
    }

    /** The most similar item pairs that no label covers, and how similar they are. */
    private String hardestUnlabelled() {
        final Map<String, Boolean> labelled = new TreeMap<>();
        for (final DedupSetBuilder.LabelledPair pair : pairs) {
            labelled.put(lines.get(pair.first()) + ":" + lines.get(pair.second()), true);
        }
        final List<Set<String>> shingles = items.stream().map(item -> Similarity.shingles(item.text()))
            .toList();
        final List<double[]> found = new ArrayList<>();
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                if (!labelled.containsKey(a + ":" + b)) {
                    final double similarity = Similarity.jaccard(shingles.get(a), shingles.get(b));
                    if (similarity >= 0.1) {
                        found.add(new double[] {similarity, a, b});
                    }
                }
            }
        }
        found.sort(Comparator.comparingDouble(entry -> -entry[0]));
        return found.stream().limit(HARDEST_UNLABELLED).map(entry -> "`" + items.get((int) entry[1]).id() + "`/`"
            + items.get((int) entry[2]).id() + "` " + format(entry[0])).collect(Collectors.joining(", "));
    }

    private List<DedupSetBuilder.LabelledPair> ofKind(final String kind) {
        return pairs.stream().filter(pair -> pair.kind().equals(kind)).toList();
    }

    /** The detail parts of the kind's pairs, counted: "markup 27, no markup 13". */
    private static String details(final List<DedupSetBuilder.LabelledPair> pairs) {
        final Map<String, Integer> counts = new TreeMap<>();
        for (final DedupSetBuilder.LabelledPair pair : pairs) {
            for (final String part : pair.detail().split(", ")) {
                counts.merge(part, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
            .collect(Collectors.joining(", "));
    }

    private static String notePlace(final DedupSetBuilder.LabelledPair pair) {
        return pair.detail().replaceFirst("^.*note ", "");
    }

    private static boolean isShort(final DedupItem item) {
        return textLength(item) < SHORT_TEXT;
    }

    private static int textLength(final DedupItem item) {
        return item.lead().length() + item.paragraphs().stream().mapToInt(String::length).sum();
    }

    private static String format(final double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
