package io.newswire.app.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswire.producer.parse.DatelineParser;
import io.newswire.producer.parse.SourceLine;
import io.newswire.schema.text.TextNormalizer;

/**
 * Builds the labelled pairs that {@code newswire eval-dedup} scores: input the Kremlin corpus (JSON Lines), the
 * Italian seed transcript and the hand-written translations in {@code eval/dedup-input/translations.jsonl}; output
 * {@code items.jsonl} (newswire input, in publishing order), {@code pairs.tsv} and {@code README.md} in a folder.
 * Deterministic: every random choice comes from one {@link Random} with a fixed seed.
 *
 * <p>Usage: {@code DedupSetBuilder CORPUS.jsonl SEED.it.txt OUTPUT_DIR}
 */
public final class DedupSetBuilder {

    static final long SEED = 20_210_821L;
    static final int MAX_PARAGRAPHS = 12;
    static final int PER_KIND = 40;
    static final int CORRECTIONS_NEW_ID = 10;
    /** The most similar same-day same-topic pairs are taken first: they are the unrelated items a dedup confuses. */
    static final int UNRELATED_HARDEST = 24;
    static final int UNRELATED = 64;
    static final int SAME_TITLE = 10;
    static final int SAME_TITLE_MAX_DAYS = 7;
    /** Items that are not labelled as a pair stay below this similarity, so no unlabelled near-duplicate hides here. */
    static final double MAX_UNLABELLED_SIMILARITY = 0.3;
    /** Above this, two corpus items may be one story published twice: never labelled unrelated. */
    static final double MAX_UNRELATED_SIMILARITY = 0.7;
    static final String TRANSLATIONS = "/eval/dedup-input/translations.jsonl";

    /** The kinds in the order pairs.tsv lists them. */
    static final List<String> KINDS = List.of("exact-copy-new-id", "whitespace-markup", "caption-changes",
        "new-title-paragraph-dropped", "correction", "correction-new-id", "translation", "unrelated-same-day-topic",
        "unrelated-same-title");

    /** Outlets that re-send the corpus items; which one sent a variant says nothing about its kind. */
    private static final List<String> OUTLETS = List.of("wire.example.com", "mirror.example.org",
        "eurasia-news.example.net", "dispatch.example.com", "newsdesk.example.org");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A corpus item with the editors' topics, which are read only to find unrelated items of the same topic. */
    record CorpusEntry(DedupItem item, Set<String> topics) {
    }

    /** A labelled pair: {@code second} comes after {@code first} in items.jsonl. */
    record LabelledPair(DedupItem first, DedupItem second, String expected, String kind, String detail) {
    }

    /** An item already in the set, as the admissibility check compares it. */
    private record Selected(String titleKey, Set<String> shingles) {
    }

    private final Map<String, CorpusEntry> corpus;
    private final DedupItem seed;
    private final List<JsonNode> translations;
    private final Random random = new Random(SEED);
    private final DedupVariants variants = new DedupVariants(random);
    private final List<DedupItem> originals = new ArrayList<>();
    private final List<DedupItem> later = new ArrayList<>();
    private final List<LabelledPair> pairs = new ArrayList<>();
    private final List<Selected> selected = new ArrayList<>();
    private final Set<String> usedCorpusIds = new HashSet<>();
    private final Set<String> ids = new HashSet<>();

    DedupSetBuilder(final Map<String, CorpusEntry> corpus, final DedupItem seed, final List<JsonNode> translations) {
        this.corpus = corpus;
        this.seed = seed;
        this.translations = translations;
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DedupSetBuilder CORPUS.jsonl SEED.it.txt OUTPUT_DIR"
                + "  (e.g. ../shared/corpus/kremlin-en-dev.jsonl"
                + " ../shared/corpus/kremlin-2021-08-21-putin-tokayev.it.txt app/src/test/resources/eval/dedup)");
            System.exit(2);
        }
        final ObjectMapper mapper = new ObjectMapper();
        final DedupSetBuilder builder = new DedupSetBuilder(readCorpus(Path.of(args[0]), mapper),
            readSeed(Path.of(args[1])), readTranslations(mapper));
        builder.build();
        final Path output = Path.of(args[2]);
        Files.createDirectories(output);
        final DedupSetReport report = new DedupSetReport(builder.items(), builder.pairs);
        report.write(output, mapper);
        System.out.println(report.summary());
    }

    /** The items in publishing order: originals (and first versions) by date, then the later versions by date. */
    List<DedupItem> items() {
        final List<DedupItem> all = new ArrayList<>(originals);
        all.sort(Comparator.comparing(DedupItem::date).thenComparing(DedupItem::id, DedupSetBuilder::compareIds));
        final List<DedupItem> second = new ArrayList<>(later);
        second.sort(Comparator.comparing(DedupItem::date));
        all.addAll(second);
        return all;
    }

    /** Kremlin ids are numbers in publishing order; other ids come after them. */
    private static int compareIds(final String a, final String b) {
        final boolean numberA = a.chars().allMatch(Character::isDigit);
        final boolean numberB = b.chars().allMatch(Character::isDigit);
        if (numberA && numberB) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return numberA != numberB ? Boolean.compare(numberB, numberA) : a.compareTo(b);
    }

    void build() {
        addTranslations();
        addUnrelatedSameDayTopic();
        addUnrelatedSameTitle();
        final List<DedupItem> pool = new ArrayList<>();
        corpus.values().stream().map(CorpusEntry::item).filter(item -> !usedCorpusIds.contains(item.id()))
            .forEach(pool::add);
        take(pool, PER_KIND, item -> true, this::addExactCopy);
        take(pool, PER_KIND, item -> true, this::addWhitespaceMarkup);
        take(pool, PER_KIND, item -> true, this::addCaptions);
        take(pool, PER_KIND, DedupVariants::canDropParagraph, this::addNewTitle);
        take(pool, PER_KIND, item -> true, item -> addCorrection(item, false));
        take(pool, CORRECTIONS_NEW_ID, item -> true, item -> addCorrection(item, true));
    }

    /** Takes {@code count} admissible items of {@code pool} that {@code fits} and {@code add} accepts. */
    private void take(final List<DedupItem> pool, final int count, final Predicate<DedupItem> fits,
                      final Predicate<DedupItem> add) {
        // Shuffled for each kind: otherwise the items an earlier kind passed over (short ones, after the kind that
        // needs three paragraphs) would crowd the front of the pool for the next.
        Collections.shuffle(pool, random);
        int taken = 0;
        for (int i = 0; i < pool.size() && taken < count; i++) {
            final DedupItem item = pool.get(i);
            if (fits.test(item) && admissible(item) && add.test(item)) {
                pool.remove(i--);
                taken++;
            }
        }
        if (taken < count) {
            throw new IllegalStateException("only " + taken + " of " + count
                + " corpus items fit; the corpus is too small");
        }
    }

    private boolean addExactCopy(final DedupItem original) {
        final DedupItem copy = maybeNextDay(newOutletId(original));
        return addPair(original, copy, "duplicate", "exact-copy-new-id", sameDay(original, copy));
    }

    private boolean addWhitespaceMarkup(final DedupItem original) {
        final boolean markup = random.nextInt(3) != 0;
        final DedupItem noisy = newOutletId(variants.whitespaceMarkup(original, markup));
        return addPair(original, noisy, "duplicate", "whitespace-markup", markup ? "markup" : "no markup");
    }

    private boolean addCaptions(final DedupItem original) {
        final DedupItem captioned = maybeNextDay(newOutletId(variants.captions(original)));
        return addPair(original, captioned, "duplicate", "caption-changes", sameDay(original, captioned));
    }

    private boolean addNewTitle(final DedupItem original) {
        final DedupItem rewritten = maybeNextDay(newOutletId(variants.newTitleParagraphDropped(original)));
        return addPair(original, rewritten, "duplicate", "new-title-paragraph-dropped", sameDay(original, rewritten));
    }

    private boolean addCorrection(final DedupItem original, final boolean newId) {
        final Optional<DedupVariants.Correction> found = variants.correction(original, newId);
        if (found.isEmpty()) {
            return false;
        }
        final DedupVariants.Correction correction = found.get();
        final DedupItem corrected = newId ? underNewId(correction.corrected()) : correction.corrected();
        final String detail = correction.what() + ", note " + correction.notePlace();
        return addPair(correction.first(), corrected, "update", newId ? "correction-new-id" : "correction", detail);
    }

    /** The site re-publishes under a new number, as agencies re-send a CORRECTED story under a new item id. */
    private DedupItem underNewId(final DedupItem corrected) {
        final String id = uniqueId(() -> String.valueOf(90_000_000 + random.nextInt(1_000_000)));
        return corrected.withTitle("CORRECTED: " + corrected.title())
            .withId(id, "http://en.kremlin.ru/events/president/news/" + id, corrected.source());
    }

    private boolean addPair(final DedupItem first, final DedupItem second, final String expected, final String kind,
                            final String detail) {
        addOriginal(first);
        later.add(second);
        pairs.add(new LabelledPair(first, second, expected, kind, detail));
        return true;
    }

    private void addOriginal(final DedupItem item) {
        if (!ids.add(item.id())) {
            throw new IllegalStateException("id " + item.id() + " is used twice");
        }
        originals.add(item);
        usedCorpusIds.add(item.id());
        selected.add(new Selected(titleKey(item), Similarity.shingles(item.text())));
    }

    private static String sameDay(final DedupItem first, final DedupItem second) {
        return first.date().equals(second.date()) ? "same day" : "next day";
    }

    /** One re-send in five goes out the next day. */
    private DedupItem maybeNextDay(final DedupItem item) {
        return random.nextInt(5) == 0 ? item.withDate(item.day().plusDays(1)) : item;
    }

    private DedupItem newOutletId(final DedupItem item) {
        final String outlet = OUTLETS.get(random.nextInt(OUTLETS.size()));
        return withOutlet(item, outlet);
    }

    private DedupItem withOutlet(final DedupItem item, final String outlet) {
        final String prefix = outlet.substring(0, outlet.indexOf('.')) + "-";
        final String id = uniqueId(() -> prefix + (100_000 + random.nextInt(900_000)));
        return item.withId(id, "https://" + outlet + "/news/" + id.substring(prefix.length()), outlet);
    }

    private String uniqueId(final Supplier<String> candidates) {
        String id = candidates.get();
        while (ids.contains(id)) {
            id = candidates.get();
        }
        ids.add(id);
        return id;
    }

    /**
     * True when {@code item} may join the set: its title is not already there and it is less than
     * {@link #MAX_UNLABELLED_SIMILARITY} similar to every item in the set. An unrelated pair's two items are checked
     * before either joins, so they are not held to this against each other.
     */
    private boolean admissible(final DedupItem item) {
        final String title = titleKey(item);
        final Set<String> shingles = Similarity.shingles(item.text());
        for (final Selected other : selected) {
            if (other.titleKey().equals(title)
                || Similarity.jaccard(shingles, other.shingles()) >= MAX_UNLABELLED_SIMILARITY) {
                return false;
            }
        }
        return true;
    }

    private static String titleKey(final DedupItem item) {
        return TextNormalizer.key(item.title());
    }

    /** The seed pair (the English rendering first, the Italian seed after) and the corpus items translated by hand. */
    private void addTranslations() {
        for (final JsonNode translation : translations) {
            final String of = translation.path("of").asText();
            final boolean isSeed = of.equals(seed.id());
            final DedupItem original = isSeed ? null : corpus(of);
            final List<String> paragraphs = new ArrayList<>();
            translation.path("paragraphs").forEach(paragraph -> paragraphs.add(paragraph.asText()));
            final String source = translation.path("source").asText();
            final DedupItem translated = new DedupItem("pending", "", source, translation.path("title").asText(),
                isSeed ? seed.date() : original.date(), translation.path("place").asText(""),
                translation.path("lang").asText(), translation.path("lead").asText(""), paragraphs);
            if (isSeed) {
                final String id = translation.path("id").asText();
                addPair(translated.withId(id, "", source), seed, "translation", "translation",
                    "en → " + seed.lang() + " (seed)");
                ids.add(seed.id());
            } else {
                addPair(original, withOutlet(translated, source), "translation", "translation",
                    original.lang() + " → " + translated.lang());
            }
        }
    }

    private DedupItem corpus(final String id) {
        final CorpusEntry entry = corpus.get(id);
        if (entry == null) {
            throw new IllegalStateException(TRANSLATIONS + " translates corpus item " + id
                + ", which the corpus does not hold (or holds without a date, title or text)");
        }
        return entry.item();
    }

    /** Same-day pairs with an editors' topic in common: the hardest first, then drawn at random. */
    private void addUnrelatedSameDayTopic() {
        final Map<String, List<CorpusEntry>> byDay = new LinkedHashMap<>();
        corpus.values().stream().filter(entry -> !entry.topics().isEmpty())
            .forEach(entry -> byDay.computeIfAbsent(entry.item().date(), day -> new ArrayList<>()).add(entry));
        final List<Candidate> candidates = new ArrayList<>();
        for (final List<CorpusEntry> day : byDay.values()) {
            for (int a = 0; a < day.size(); a++) {
                for (int b = a + 1; b < day.size(); b++) {
                    if (!Collections.disjoint(day.get(a).topics(), day.get(b).topics())) {
                        candidates.add(Candidate.of(day.get(a).item(), day.get(b).item()));
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
            .thenComparing(candidate -> candidate.first().id()).thenComparing(candidate -> candidate.second().id()));
        int taken = takeUnrelated(candidates, UNRELATED_HARDEST, "unrelated-same-day-topic", "hardest");
        Collections.shuffle(candidates, random);
        taken += takeUnrelated(candidates, UNRELATED - taken, "unrelated-same-day-topic", "random");
        if (taken < UNRELATED) {
            throw new IllegalStateException("only " + taken + " same-day same-topic pairs fit");
        }
    }

    /** Items with the same title a few days apart: the templated Kremlin headlines of different events. */
    private void addUnrelatedSameTitle() {
        final Map<String, List<DedupItem>> byTitle = new LinkedHashMap<>();
        corpus.values().forEach(entry -> byTitle.computeIfAbsent(titleKey(entry.item()), title -> new ArrayList<>())
            .add(entry.item()));
        final List<Candidate> candidates = new ArrayList<>();
        for (final List<DedupItem> sameTitle : byTitle.values()) {
            for (int a = 0; a < sameTitle.size(); a++) {
                for (int b = a + 1; b < sameTitle.size(); b++) {
                    final long days = Math.abs(ChronoUnit.DAYS.between(sameTitle.get(a).day(), sameTitle.get(b).day()));
                    if (days <= SAME_TITLE_MAX_DAYS) {
                        candidates.add(Candidate.of(sameTitle.get(a), sameTitle.get(b)));
                    }
                }
            }
        }
        Collections.shuffle(candidates, random);
        final int taken = takeUnrelated(candidates, SAME_TITLE, "unrelated-same-title", "random");
        if (taken < SAME_TITLE) {
            throw new IllegalStateException("only " + taken + " same-title pairs fit");
        }
    }

    private int takeUnrelated(final List<Candidate> candidates, final int count, final String kind,
                              final String how) {
        int taken = 0;
        for (final Candidate candidate : candidates) {
            if (taken == count) {
                break;
            }
            final DedupItem first = candidate.first();
            final DedupItem second = candidate.second();
            final boolean sameTitleWanted = kind.equals("unrelated-same-title");
            if (usedCorpusIds.contains(first.id()) || usedCorpusIds.contains(second.id())
                || candidate.similarity() >= MAX_UNRELATED_SIMILARITY
                || sameTitleWanted != titleKey(first).equals(titleKey(second))
                || !admissible(first) || !admissible(second)) {
                continue;
            }
            addOriginal(first);
            addOriginal(second);
            pairs.add(new LabelledPair(first, second, "unrelated", kind, how));
            taken++;
        }
        return taken;
    }

    /** Two corpus items in publishing order, with their similarity. */
    private record Candidate(DedupItem first, DedupItem second, double similarity) {

        static Candidate of(final DedupItem a, final DedupItem b) {
            final boolean aFirst = a.date().compareTo(b.date()) < 0
                || a.date().equals(b.date()) && compareIds(a.id(), b.id()) < 0;
            final double similarity = Similarity.jaccard(Similarity.shingles(a.text()), Similarity.shingles(b.text()));
            return aFirst ? new Candidate(a, b, similarity) : new Candidate(b, a, similarity);
        }
    }

    /** The corpus items with an ISO date, a title and some text, by id, in file order. */
    static Map<String, CorpusEntry> readCorpus(final Path path, final ObjectMapper mapper) throws IOException {
        final Map<String, CorpusEntry> entries = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                final JsonNode node = mapper.readTree(line);
                final DedupItem item = DedupItem.fromCorpus(node, MAX_PARAGRAPHS);
                final boolean usable = ISO_DATE.matcher(item.date()).matches() && !item.title().isBlank()
                    && !item.paragraphs().isEmpty();
                if (usable) {
                    final Set<String> topics = new HashSet<>();
                    node.path("topics").forEach(topic -> topics.add(topic.asText()));
                    entries.put(item.id(), new CorpusEntry(item, topics));
                }
            }
        }
        return entries;
    }

    /**
     * The seed transcript as a JSON Lines item: the title line, then every line up to the source line
     * ({@code (Fonte: kremlin.ru)}) as a paragraph, the dateline left in the first; the scraped captions after the
     * source line are left out (the .txt parser is what repairs them).
     */
    static DedupItem readSeed(final Path path) throws IOException {
        final List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8).stream()
            .map(String::strip).filter(line -> !line.isEmpty()).toList();
        final SourceLine sourceLine = new SourceLine();
        final List<String> body = new ArrayList<>();
        String source = null;
        for (final String line : lines.subList(1, lines.size())) {
            final Optional<String> named = sourceLine.name(line);
            if (named.isPresent()) {
                source = named.get();
                break;
            }
            body.add(line);
        }
        final DatelineParser.Match dateline = new DatelineParser().parse(body.get(0), LocalDate.of(2021, 1, 1));
        if (dateline == null || source == null) {
            throw new IllegalArgumentException(path + ": expected a dateline opening the first paragraph and a source"
                + " line such as (Fonte: kremlin.ru); found " + (dateline == null ? "no dateline" : "no source line"));
        }
        return new DedupItem("seed-it", "", source, lines.get(0), dateline.date().toString(), dateline.place(), "it",
            "", body);
    }

    static List<JsonNode> readTranslations(final ObjectMapper mapper) throws IOException {
        try (InputStream in = DedupSetBuilder.class.getResourceAsStream(TRANSLATIONS)) {
            if (in == null) {
                throw new IllegalStateException(TRANSLATIONS
                    + " is not on the class path: run with app/target/test-classes on it");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            final List<JsonNode> nodes = new ArrayList<>();
            for (final String line : reader.lines().filter(Predicate.not(String::isBlank)).toList()) {
                nodes.add(mapper.readTree(line));
            }
            return nodes;
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
